/** Names, places and products the scale data draws from. */
export const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '高',
  '林',
  '罗',
];
export const GIVEN_NAMES = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '霞',
  '平',
  '刚',
  '桂英',
  '浩然',
  '子涵',
];

/** City, plate prefix (province character and city letter). */
export const CITIES: ReadonlyArray<readonly [string, string]> = [
  ['上海', '沪A'],
  ['北京', '京A'],
  ['广州', '粤A'],
  ['深圳', '粤B'],
  ['杭州', '浙A'],
  ['南京', '苏A'],
  ['苏州', '苏E'],
  ['成都', '川A'],
  ['武汉', '鄂A'],
  ['重庆', '渝A'],
];

export const CHANNELS: ReadonlyArray<readonly [string, number]> = [
  ['STORE', 55],
  ['APP', 12],
  ['WECHAT', 25],
  ['WEBSITE', 5],
  ['PARTNER', 3],
];

/** Brand, model, series, typical price in fen. */
export const MODELS: ReadonlyArray<readonly [string, string, string, number]> = [
  ['大众', '帕萨特', '2024款 330TSI', 20_000_000],
  ['大众', '途观L', '2023款 380TSI', 23_000_000],
  ['丰田', '凯美瑞', '2024款 2.0E', 18_000_000],
  ['丰田', 'RAV4荣放', '2023款 双擎', 21_000_000],
  ['本田', '雅阁', '2024款 260TURBO', 17_000_000],
  ['别克', '君越', '2023款 652T', 19_000_000],
  ['宝马', '3系', '2024款 325Li', 32_000_000],
  ['奔驰', 'C级', '2024款 C260L', 35_000_000],
  ['奥迪', 'A4L', '2024款 40TFSI', 31_000_000],
  ['比亚迪', '汉', '2024款 EV', 22_000_000],
];
export const COLORS = ['白色', '黑色', '银色', '灰色', '蓝色', '红色'];

/** What members buy and how much (median fen, spread), with how often each type occurs. */
export const TRANSACTION_MIX: ReadonlyArray<readonly [string, number, number, number]> = [
  // type, weight, median amount (fen), log spread
  ['MAINTENANCE', 38, 90_000, 0.45],
  ['REPAIR', 12, 180_000, 0.9],
  ['PARTS', 10, 45_000, 0.8],
  ['ACCESSORY', 7, 120_000, 0.8],
  ['WASH', 20, 5_000, 0.3],
  ['INSURANCE', 8, 650_000, 0.35],
  ['VEHICLE_PURCHASE', 1, 22_000_000, 0.4],
  ['OTHER', 4, 30_000, 0.7],
];

export const COMPLAINT_CATEGORIES = [
  'SERVICE_ATTITUDE',
  'OVERCHARGING',
  'LONG_WAIT',
  'PRODUCT_QUALITY',
  'BROKEN_PROMISE',
  'NOT_FIXED_FIRST_TIME',
  'WARRANTY_DISPUTE',
  'POOR_AFTER_SALES',
  'EXAGGERATED_ADVERTISING',
  'OTHER',
];
export const COMPLAINT_SUBJECTS: Record<string, string> = {
  SERVICE_ATTITUDE: '服务顾问态度差',
  OVERCHARGING: '保养收费与报价不符',
  LONG_WAIT: '保养等待时间过长',
  PRODUCT_QUALITY: '更换配件质量问题',
  BROKEN_PROMISE: '承诺的赠品未兑现',
  NOT_FIXED_FIRST_TIME: '维修后问题仍未解决',
  WARRANTY_DISPUTE: '质保范围争议',
  POOR_AFTER_SALES: '售后响应慢',
  EXAGGERATED_ADVERTISING: '活动宣传与实际不符',
  OTHER: '其他问题',
};

export const COUNT_CARD_SERVICES: ReadonlyArray<readonly [string, number, number]> = [
  // service, uses, price (fen)
  ['精洗', 10, 38_000],
  ['基础保养', 4, 198_000],
  ['空调清洗', 3, 45_000],
];
