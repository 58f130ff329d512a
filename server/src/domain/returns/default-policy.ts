/** Until an admin sets the site's own: common reasons, the first four quality problems, a 24 h reply target. */
import type { ReturnPolicy } from '@counter/shared';

export const DEFAULT_RETURN_POLICY: ReturnPolicy = {
  reasons: [
    { id: 'damaged', label: { en: 'Arrived damaged', zh: '到货时已损坏' }, quality: true },
    { id: 'defective', label: { en: 'Does not work', zh: '无法正常使用' }, quality: true },
    { id: 'wrong_item', label: { en: 'Wrong item sent', zh: '发错商品' }, quality: true },
    { id: 'not_as_described', label: { en: 'Not as described', zh: '与描述不符' }, quality: true },
    { id: 'size', label: { en: 'Wrong size or fit', zh: '尺码不合适' }, quality: false },
    { id: 'changed_mind', label: { en: 'Changed my mind', zh: '不想要了' }, quality: false },
  ],
  qualityReplyHours: 24,
};
