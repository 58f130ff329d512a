/**
 * The retrieval set's questions (issue 13, item 8): how shoppers actually write, typos and
 * slang included, each with the topic of the article that answers it. Written before the
 * articles and before any tuning of the search; do not edit them to suit the engine.
 */
export interface Question {
  q: string;
  lang: 'zh' | 'en';
  /** The article's topic (each topic has an article per language, see articles.ts). */
  topic: string;
}

const zh = (topic: string, ...qs: string[]): Question[] => qs.map((q) => ({ q, lang: 'zh', topic }));
const en = (topic: string, ...qs: string[]): Question[] => qs.map((q) => ({ q, lang: 'en', topic }));

export const QUESTIONS: Question[] = [
  ...zh('shipping-time', '下单后多久发货', '今天买的啥时候能发出去啊'),
  ...zh('tracking', '我的快递到哪了', '物流怎么一直不更新', '查一下我的包裹'),
  ...zh('shipping-cost', '运费多少钱', '满多少包邮'),
  ...zh('international', '能寄到国外吗', '海外可以发货么'),
  ...zh('returns', '咋退货', '东西不喜欢能退吗', '退货要寄到哪里'),
  ...zh('exchange', '衣服小了想换个大一码', '可以换货吗'),
  ...zh('refund', '退款怎么还没到账', '钱啥时候退回来'),
  ...zh('size-guide', '我170穿什么码', '尺码表在哪看'),
  ...zh('payment', '能用支付宝付款吗', '可以微信支付不'),
  ...zh('invoice', '怎么开发票', '能开增值税专票吗'),
  ...zh('coupons', '优惠卷怎么用不了', '新人有没有优惠码'),
  ...zh('account', '忘记密码了咋办', '账号登不上去'),
  ...zh('cancel-order', '我想取消订单', '地址填错了能改吗'),
  ...zh('damaged', '收到的东西坏了', '商品有质量问题怎么办'),
  ...zh('contact', '客服几点上班', '有电话吗人工客服'),

  ...en('shipping-time', 'how long till my order ships', 'when do u dispatch'),
  ...en('tracking', 'wheres my parcel', 'tracking number not working', 'package hasnt moved in days'),
  ...en('shipping-cost', 'how much is shipping', 'is delivery free'),
  ...en('international', 'do you ship to canada', 'international shiping?'),
  ...en('returns', 'how do i return somthing', 'can i send it back', 'return label'),
  ...en('exchange', 'wrong size can i swap it', 'exchange for a different colour'),
  ...en('refund', 'refund not recieved', 'when do i get my money back'),
  ...en('size-guide', 'what size should i get', 'size chart pls'),
  ...en('payment', 'do you take paypal', 'payment failed card declined'),
  ...en('invoice', 'i need an invoice for my company', 'vat reciept'),
  ...en('coupons', 'promo code doesnt work', 'any discount code'),
  ...en('account', 'forgot my pasword', 'cant log in to my account'),
  ...en('cancel-order', 'cancel my order', 'change shipping adress after ordering'),
  ...en('damaged', 'item arrived broken', 'product is defective'),
  ...en('contact', 'what are your opening hours', 'can i talk to a real person'),
];
