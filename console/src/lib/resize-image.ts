/**
 * A profile picture, made small before upload: the centre square of the chosen image, drawn at
 * `size` px and encoded as JPEG (WebP where the browser encodes it). The server then needs no
 * image library; it checks the bytes and the size (domain/avatar.ts).
 */
export async function squareImage(file: Blob, size: number): Promise<string> {
  const bitmap = await createImageBitmap(file);
  try {
    const side = Math.min(bitmap.width, bitmap.height);
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = size;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d canvas');
    context.drawImage(bitmap, (bitmap.width - side) / 2, (bitmap.height - side) / 2, side, side, 0, 0, size, size);
    const dataUrl = canvas.toDataURL('image/jpeg', 0.85);
    return dataUrl.slice(dataUrl.indexOf(',') + 1);
  } finally {
    bitmap.close();
  }
}
