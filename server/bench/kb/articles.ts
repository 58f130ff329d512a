/**
 * The sample knowledge base of the retrieval set (issue 13, item 8): 15 topics a clothing
 * shop's help centre covers, each written once in English and once in Chinese (30 articles),
 * with the alternative questions an editor would add. Also the seed of the demo shop.
 */
import type { Locale } from '@counter/shared';

export interface SampleArticle {
  topic: string;
  locale: Locale;
  title: string;
  body: string;
  tags: string[];
  questions: string[];
}

export const ARTICLES: SampleArticle[] = [
  {
    topic: 'shipping-time', locale: 'en', title: 'When will my order ship?', tags: ['shipping', 'dispatch'],
    questions: ['How long does dispatch take?', 'When is my order sent out?'],
    body: 'Orders paid before **3 pm** (Beijing time) leave our warehouse the same working day; later orders ship the next working day.\n\nPre-order items ship on the date shown on the product page.',
  },
  {
    topic: 'shipping-time', locale: 'zh', title: '下单后多久发货？', tags: ['发货', '配送'],
    questions: ['什么时候发货', '付款后几天发出'],
    body: '每天 **15:00 前** 付款的订单当天发货，之后付款的订单次个工作日发出。\n\n预售商品按商品页标注的日期发货。',
  },
  {
    topic: 'tracking', locale: 'en', title: 'Track your parcel', tags: ['shipping', 'tracking', 'delivery'],
    questions: ['Where is my order?', 'My tracking has not updated', 'Where is my package?'],
    body: 'You get a tracking number by email as soon as your parcel leaves the warehouse. Open **My orders** to see where it is.\n\nTracking can take up to 24 hours to show the first scan. If it has not moved for 5 days, write to us and we will ask the courier.',
  },
  {
    topic: 'tracking', locale: 'zh', title: '如何查询物流', tags: ['物流', '快递', '配送'],
    questions: ['我的订单到哪了', '快递单号查不到', '包裹一直没动静'],
    body: '包裹出库后，我们会短信发送快递单号。在 **我的订单** 里可以查看物流进度。\n\n揽收后最多 24 小时才会显示第一条物流信息；超过 5 天没有更新，请联系客服，我们会帮你催快递。',
  },
  {
    topic: 'shipping-cost', locale: 'en', title: 'Shipping costs and free delivery', tags: ['shipping', 'delivery', 'fees'],
    questions: ['What does delivery cost?', 'Do you offer free shipping?'],
    body: 'Standard delivery costs 6 USD. Orders over **59 USD** ship free.\n\nExpress delivery (1–2 days) costs 15 USD.',
  },
  {
    topic: 'shipping-cost', locale: 'zh', title: '运费与包邮', tags: ['运费', '包邮', '配送'],
    questions: ['邮费怎么算', '包邮吗'],
    body: '普通快递运费 8 元，订单满 **99 元包邮**。\n\n顺丰加急 1–2 天送达，运费 20 元。',
  },
  {
    topic: 'international', locale: 'en', title: 'International delivery', tags: ['shipping', 'international', 'customs'],
    questions: ['Which countries do you deliver to?', 'Do you ship abroad?'],
    body: 'We deliver to the US, Canada, the UK, the EU, Australia, Japan and Singapore. Delivery takes 7–15 working days.\n\nImport duties and taxes are paid by the recipient.',
  },
  {
    topic: 'international', locale: 'zh', title: '海外及港澳台配送', tags: ['国际', '海外', '关税'],
    questions: ['支持国际快递吗', '港澳台能发吗'],
    body: '我们可以配送到港澳台、美国、加拿大、英国、欧盟、澳大利亚、日本和新加坡，时效 7–15 个工作日。\n\n进口关税由收件人承担。',
  },
  {
    topic: 'returns', locale: 'en', title: 'How to return an item', tags: ['returns'],
    questions: ['How do I send something back?', 'Can I return my order?', 'Where do I send a return?'],
    body: 'You can return unworn items with their tags within **30 days** of delivery.\n\n1. Open **My orders** and choose *Return*.\n2. Print the prepaid return label.\n3. Drop the parcel at any post office.',
  },
  {
    topic: 'returns', locale: 'zh', title: '如何申请退货', tags: ['退货', '售后'],
    questions: ['怎么退货', '七天无理由退货', '退货地址是什么'],
    body: '签收后 **7 天内**，吊牌完好、未穿着的商品支持无理由退货。\n\n1. 在 **我的订单** 中点击"申请退货"。\n2. 按页面提供的退货地址寄回，运费险可抵扣运费。\n3. 仓库签收后 48 小时内处理。',
  },
  {
    topic: 'exchange', locale: 'en', title: 'Exchanging for another size or colour', tags: ['returns', 'exchange', 'sizes'],
    questions: ['Can I exchange an item?', 'I ordered the wrong size'],
    body: 'Exchanges for another size or colour are free within 30 days. Choose *Exchange* in **My orders**; we ship the new item as soon as yours is scanned by the courier.',
  },
  {
    topic: 'exchange', locale: 'zh', title: '换货（换尺码/换颜色）', tags: ['换货', '尺码', '售后'],
    questions: ['尺码不合适能换吗', '怎么换颜色'],
    body: '签收 7 天内可免费换尺码或颜色。在 **我的订单** 中选择"换货"，寄回的包裹揽收后我们立即发出新商品。',
  },
  {
    topic: 'refund', locale: 'en', title: 'When will I get my refund?', tags: ['refunds', 'payment'],
    questions: ['My refund has not arrived', 'How long do refunds take?'],
    body: 'We refund within 2 working days of receiving your return. The money reaches your card in **5–10 working days**, depending on your bank; PayPal refunds are instant.',
  },
  {
    topic: 'refund', locale: 'zh', title: '退款多久到账', tags: ['退款', '支付'],
    questions: ['退款进度', '退款没收到'],
    body: '仓库收到退货后 2 个工作日内退款。支付宝、微信原路退回，一般 **1–3 个工作日** 到账；银行卡最长 7 个工作日。',
  },
  {
    topic: 'size-guide', locale: 'en', title: 'Size guide', tags: ['sizes', 'fit'],
    questions: ['Which size fits me?', 'Where is the size chart?'],
    body: 'Every product page has a size chart in centimetres and inches. Between two sizes, take the larger one.\n\n- S: chest 86–90 cm\n- M: chest 91–96 cm\n- L: chest 97–102 cm',
  },
  {
    topic: 'size-guide', locale: 'zh', title: '尺码选择指南', tags: ['尺码', '身高体重'],
    questions: ['怎么选尺码', '身高体重对应什么码'],
    body: '每个商品页都有尺码表。按身高体重参考：\n\n- S：155–165 cm，45–52 kg\n- M：165–172 cm，52–62 kg\n- L：172–178 cm，62–72 kg\n\n介于两个尺码之间建议选大一码。',
  },
  {
    topic: 'payment', locale: 'en', title: 'Payment methods', tags: ['payment', 'checkout'],
    questions: ['Which payment methods do you accept?', 'My payment did not go through'],
    body: 'We accept Visa, Mastercard, American Express, PayPal, Apple Pay and Google Pay.\n\nIf a card is declined, check the billing address or try another card; your bank may also block foreign payments.',
  },
  {
    topic: 'payment', locale: 'zh', title: '支付方式', tags: ['支付', '付款'],
    questions: ['支持哪些付款方式', '付款失败怎么办'],
    body: '支持支付宝、微信支付、银联和花呗分期。\n\n付款失败时请检查余额或限额，或换一种支付方式再试。',
  },
  {
    topic: 'invoice', locale: 'en', title: 'Invoices and VAT receipts', tags: ['invoice', 'billing'],
    questions: ['How do I get an invoice?', 'Can I have a VAT invoice for my business?'],
    body: 'A PDF invoice is in **My orders** once your order ships. For a company invoice with your VAT number, add it at checkout or send it to us within 30 days.',
  },
  {
    topic: 'invoice', locale: 'zh', title: '发票开具说明', tags: ['发票', '开票'],
    questions: ['怎么申请发票', '专票和普票'],
    body: '订单发货后可在 **我的订单** 申请电子普通发票。需要增值税专用发票，请提供公司名称、税号、开户行及账号。',
  },
  {
    topic: 'coupons', locale: 'en', title: 'Using coupons and discount codes', tags: ['coupons', 'discounts'],
    questions: ['How do I use a coupon?', 'My discount code is not accepted'],
    body: 'Enter the code at checkout under *Discount code*. Codes cannot be combined and do not apply to sale items.\n\nNew customers get **10% off** their first order when signing up to our newsletter.',
  },
  {
    topic: 'coupons', locale: 'zh', title: '优惠券使用说明', tags: ['优惠券', '优惠码', '折扣'],
    questions: ['优惠券怎么用', '优惠券无法使用'],
    body: '结算时选择可用的优惠券即可抵扣。优惠券不可叠加，特价商品不可用。\n\n新用户注册即送 **20 元无门槛券**。',
  },
  {
    topic: 'account', locale: 'en', title: 'Account and password help', tags: ['account', 'login'],
    questions: ['How do I reset my password?', 'I cannot sign in'],
    body: 'Choose *Forgot password* on the sign-in page and we email you a reset link, valid for one hour. Still locked out? Write to us from the email address of your account.',
  },
  {
    topic: 'account', locale: 'zh', title: '账号与密码问题', tags: ['账号', '登录', '密码'],
    questions: ['怎么找回密码', '登录不了'],
    body: '在登录页点击"忘记密码"，通过手机验证码重置密码。账号被锁定请联系客服核实身份。',
  },
  {
    topic: 'cancel-order', locale: 'en', title: 'Cancel or change an order', tags: ['orders', 'cancel', 'address'],
    questions: ['Can I cancel my order?', 'How do I change the delivery address?'],
    body: 'Until your order ships you can cancel it or change the delivery address in **My orders**. Once it has shipped, refuse the parcel or return it.',
  },
  {
    topic: 'cancel-order', locale: 'zh', title: '取消订单或修改地址', tags: ['订单', '取消', '地址'],
    questions: ['订单能取消吗', '怎么修改收货地址'],
    body: '订单发货前可以在 **我的订单** 中取消或修改收货地址。已发货的订单可拒收或签收后申请退货。',
  },
  {
    topic: 'damaged', locale: 'en', title: 'Damaged or faulty items', tags: ['returns', 'quality', 'damaged'],
    questions: ['My item arrived damaged', 'The product is faulty'],
    body: 'Sorry about that! Send us a photo of the item and the parcel within 7 days of delivery. We send a replacement or a full refund, and you do not pay the return postage.',
  },
  {
    topic: 'damaged', locale: 'zh', title: '商品破损或质量问题', tags: ['质量问题', '破损', '售后'],
    questions: ['收到货有破损', '质量问题怎么处理'],
    body: '很抱歉！请在签收后 7 天内拍照（商品和外包装）发给客服，我们为你补发或全额退款，来回运费由我们承担。',
  },
  {
    topic: 'contact', locale: 'en', title: 'Contact us and support hours', tags: ['contact', 'support'],
    questions: ['How can I reach customer service?', 'When is support available?'],
    body: 'Our team answers in this chat every day from **9:00 to 21:00** (Beijing time). Outside those hours, leave a message and we answer first thing in the morning.',
  },
  {
    topic: 'contact', locale: 'zh', title: '联系客服与服务时间', tags: ['客服', '联系'],
    questions: ['怎么联系客服', '客服工作时间'],
    body: '在线客服每天 **9:00–21:00** 在线。非工作时间请留言，我们上班后第一时间回复。',
  },
];
