/**
 * Reference data of the demo: the cities of the dealership group (plate prefixes, ID-card regions),
 * the cars sold in China by each brand, and what a 4S store charges for its services. Prices in yuan.
 * The tables are kept one entry per line on purpose (prettier-ignore).
 */

export interface CityProfile {
  /** Province character of the plate (沪, 京, 粤, 川, 浙). */
  province: string;
  /** Second letters of the city's plates (沪A…沪N; 京C is not used for cars, 京B are taxis). */
  plateLetters: string;
  /** ID-card region codes (行政区划代码) of the city's districts. */
  idRegions: string[];
}

// prettier-ignore
export const CITIES: Record<string, CityProfile> = {
  上海: { province: '沪', plateLetters: 'ABDEFGHJKLMN', idRegions: ['310115', '310112', '310104', '310101', '310110', '310113'] },
  北京: { province: '京', plateLetters: 'ACEFHJKLMNPQ', idRegions: ['110105', '110108', '110101', '110102', '110106', '110114'] },
  广州: { province: '粤', plateLetters: 'A', idRegions: ['440106', '440104', '440103', '440105', '440111', '440113'] },
  成都: { province: '川', plateLetters: 'A', idRegions: ['510107', '510104', '510105', '510106', '510108', '510116'] },
  杭州: { province: '浙', plateLetters: 'A', idRegions: ['330106', '330102', '330105', '330108', '330110', '330109'] },
};

/** Where people who moved to the big cities were born (南京, 武汉, 济南, 郑州, 长沙, 厦门, 西安, 重庆, 合肥, 南昌). */
// prettier-ignore
export const MIGRANT_ID_REGIONS = ['320102', '420106', '370102', '410105', '430104', '350203', '610113', '500103', '340104', '360102'];

/** Mobile prefixes of China Mobile, Unicom and Telecom. */
// prettier-ignore
export const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156', '157', '158', '159',
  '166', '173', '176', '177', '180', '181', '182', '183', '185', '186', '187', '188', '189', '191', '193', '195', '198', '199',
];

/** The commonest surnames, weighted roughly by how many people carry them. */
// prettier-ignore
export const SURNAMES: [string, number][] = [
  ['王', 71], ['李', 70], ['张', 64], ['刘', 54], ['陈', 45], ['杨', 31], ['黄', 22], ['赵', 21], ['吴', 20], ['周', 19],
  ['徐', 16], ['孙', 15], ['马', 14], ['朱', 13], ['胡', 13], ['郭', 11], ['何', 11], ['高', 10], ['林', 10], ['罗', 9],
  ['郑', 9], ['梁', 8], ['谢', 7], ['宋', 7], ['唐', 7], ['许', 6], ['韩', 6], ['冯', 6], ['邓', 6], ['曹', 5],
  ['彭', 5], ['曾', 5], ['肖', 5], ['田', 5], ['董', 4], ['袁', 4], ['潘', 4], ['于', 4], ['蒋', 4], ['蔡', 4],
  ['余', 4], ['杜', 4], ['叶', 4], ['程', 4], ['苏', 3], ['魏', 3], ['吕', 3], ['丁', 3], ['任', 3], ['沈', 3],
  ['姚', 3], ['卢', 3], ['姜', 3], ['崔', 3], ['钟', 3], ['谭', 3], ['陆', 3], ['汪', 3], ['范', 3], ['金', 3],
  ['石', 3], ['廖', 3], ['贾', 3], ['夏', 3], ['韦', 3], ['方', 2], ['白', 2], ['邹', 2], ['孟', 2], ['熊', 2],
  ['秦', 2], ['邱', 2], ['江', 2], ['尹', 2], ['薛', 2], ['段', 2], ['雷', 2], ['侯', 2], ['龙', 2], ['史', 2],
  ['顾', 2], ['毛', 2], ['邵', 2], ['钱', 2], ['严', 2], ['戴', 2], ['欧阳', 1], ['司马', 1], ['上官', 1],
];

// prettier-ignore
export const EMAIL_DOMAINS: [string, number][] = [
  ['qq.com', 40], ['163.com', 20], ['126.com', 10], ['foxmail.com', 8], ['sina.com', 6], ['outlook.com', 6], ['139.com', 5], ['gmail.com', 3],
];

export const COLORS = [
  '珍珠白',
  '矿石白',
  '宝石黑',
  '曜石黑',
  '星际灰',
  '钛金灰',
  '冰川银',
  '极地白',
  '海洋蓝',
  '烈焰红',
  '墨玉绿',
  '香槟金',
];

export type Energy = 'ICE' | 'PHEV' | 'EV';
/** Service price level: what maintenance, repairs and insurance cost for the car. */
export type PriceClass = 'luxury' | 'mainstream' | 'electric';

export interface CarModel {
  brand: string;
  model: string;
  series: string[];
  /** Transaction price range, yuan. */
  price: [number, number];
  energy: Energy;
  priceClass: PriceClass;
  /** World manufacturer identifier of the Chinese joint venture (first 3 VIN characters). */
  wmi: string;
  /** Vehicle descriptor (VIN positions 4–8), no I, O, Q. */
  vds: string;
  /** Assembly plant (VIN position 11). */
  plant: string;
  /** Kilometres driven a day, typical range. */
  dailyKm: [number, number];
}

const m = (
  brand: string,
  model: string,
  series: string[],
  price: [number, number],
  energy: Energy,
  priceClass: PriceClass,
  wmi: string,
  vds: string,
  plant: string,
  dailyKm: [number, number] = [20, 55],
): CarModel => ({ brand, model, series, price, energy, priceClass, wmi, vds, plant, dailyKm });

// prettier-ignore
export const MODELS = {
  bmw3: m('宝马', '3系', ['325Li M运动套装', '325Li 豪华套装', '330Li xDrive M运动曜夜套装'], [286_800, 342_800], 'ICE', 'luxury', 'LBV', '5S310', 'C'),
  bmw5: m('宝马', '5系', ['525Li 豪华套装', '530Li 领先型 M运动套装', '530Li xDrive 豪华套装'], [418_800, 528_800], 'ICE', 'luxury', 'LBV', '7P510', 'C'),
  bmwX3: m('宝马', 'X3', ['xDrive25i M运动套装', 'xDrive30i 领先型 M曜夜套装'], [358_800, 428_800], 'ICE', 'luxury', 'LBV', '3X330', 'D'),
  bmwI3: m('宝马', 'i3', ['eDrive35L'], [292_800, 338_800], 'EV', 'luxury', 'LBV', '1E350', 'D', [35, 70]),
  audiA4L: m('奥迪', 'A4L', ['40 TFSI 时尚动感型', '45 TFSI quattro 臻选动感型'], [262_800, 318_800], 'ICE', 'luxury', 'LFV', '3A24F', 'C'),
  audiA6L: m('奥迪', 'A6L', ['45 TFSI 臻选动感型', '45 TFSI quattro 尊享致雅型'], [388_800, 478_800], 'ICE', 'luxury', 'LFV', '4A2C1', 'C'),
  audiQ5L: m('奥迪', 'Q5L', ['40 TFSI 时尚动感型', '45 TFSI 豪华动感型'], [348_800, 418_800], 'ICE', 'luxury', 'LFV', '4F1F5', 'B'),
  audiQ3: m('奥迪', 'Q3', ['35 TFSI 进取动感型', '40 TFSI 时尚动感型'], [228_800, 268_800], 'ICE', 'luxury', 'LFV', '2F8U3', 'B'),
  benzC: m('奔驰', 'C级', ['C 260 L 运动版', 'C 260 L 皓夜运动版'], [298_800, 338_800], 'ICE', 'luxury', 'LE4', 'ZF4HB', 'L'),
  benzE: m('奔驰', 'E级', ['E 260 L', 'E 300 L 豪华型'], [428_800, 498_800], 'ICE', 'luxury', 'LE4', 'ZJ4EB', 'L'),
  benzGLC: m('奔驰', 'GLC', ['GLC 260 L 4MATIC 动感型'], [388_800, 448_800], 'ICE', 'luxury', 'LE4', 'GF4KB', 'L'),
  vwPassat: m('大众', '帕萨特', ['330TSI 精英版', '380TSI 旗舰版'], [172_800, 224_800], 'ICE', 'mainstream', 'LSV', 'AC4A3', 'S'),
  vwTiguanL: m('大众', '途观L', ['330TSI 两驱智享版', '380TSI 四驱R-Line旗舰版'], [192_800, 258_800], 'ICE', 'mainstream', 'LSV', 'UC65N', 'S'),
  vwLavida: m('大众', '朗逸', ['1.5L 自动满逸版', '280TSI DSG 满逸版'], [96_800, 124_800], 'ICE', 'mainstream', 'LSV', 'NB41H', 'A'),
  vwId4X: m('大众', 'ID.4 X', ['Pro 长续航版'], [152_800, 182_800], 'EV', 'electric', 'LSV', 'UE6E2', 'A', [35, 70]),
  camry: m('丰田', '凯美瑞', ['2.0G 豪华版', '2.5HG 双擎豪华版'], [172_800, 232_800], 'ICE', 'mainstream', 'LVG', 'B2FK4', 'G'),
  highlander: m('丰田', '汉兰达', ['2.5L 双擎四驱豪华版', '2.5L 双擎四驱尊贵版'], [262_800, 318_800], 'ICE', 'mainstream', 'LVG', 'DB3FH', 'G'),
  levin: m('丰田', '雷凌', ['1.5L 双擎 进取版', '1.8L 双擎 领先版'], [104_800, 132_800], 'ICE', 'mainstream', 'LVG', 'BE1EH', 'G'),
  wildlander: m('丰田', '威兰达', ['2.0L CVT 两驱领先版'], [168_800, 204_800], 'ICE', 'mainstream', 'LVG', 'DA3FV', 'G'),
  rav4: m('丰田', 'RAV4荣放', ['2.0L CVT 两驱风尚版', '2.5L 双擎四驱精英版'], [168_800, 212_800], 'ICE', 'mainstream', 'LFM', 'J3AV4', 'T'),
  bydHan: m('比亚迪', '汉', ['EV 610KM 四驱旗舰型', 'EV 605KM 尊贵型'], [198_800, 258_800], 'EV', 'electric', 'LGX', 'C76C4', 'S', [40, 80]),
  bydSongPlus: m('比亚迪', '宋PLUS DM-i', ['冠军版 150KM 旗舰型', '冠军版 110KM 领先型'], [152_800, 172_800], 'PHEV', 'electric', 'LGX', 'C4DL4', 'C', [35, 70]),
  bydQinPlus: m('比亚迪', '秦PLUS DM-i', ['荣耀版 55KM 领先型', '荣耀版 120KM 卓越型'], [82_800, 112_800], 'PHEV', 'electric', 'LGX', 'CE4C2', 'X', [35, 75]),
  bydSeal: m('比亚迪', '海豹', ['EV 650KM 长续航后驱'], [186_800, 224_800], 'EV', 'electric', 'LGX', 'F86C3', 'S', [40, 80]),
  bydYuanPlus: m('比亚迪', '元PLUS', ['荣耀版 510KM 卓越型'], [122_800, 144_800], 'EV', 'electric', 'LGX', 'E2EC8', 'C', [35, 70]),
  accord: m('本田', '雅阁', ['260TURBO 精英版', '260TURBO 旗舰版'], [168_800, 212_800], 'ICE', 'mainstream', 'LHG', 'CV164', 'G'),
  crv: m('本田', 'CR-V', ['240TURBO 两驱锋尚版', '240TURBO 四驱尊耀版'], [182_800, 228_800], 'ICE', 'mainstream', 'LVH', 'RW286', 'W'),
  gl8: m('别克', 'GL8', ['ES陆尊 653T 豪华型'], [278_800, 328_800], 'ICE', 'mainstream', 'LSG', 'UL83L', 'S'),
  sylphy: m('日产', '轩逸', ['1.6L CVT 舒享版'], [98_800, 122_800], 'ICE', 'mainstream', 'LGB', 'H4BE1', 'F'),
  xingyueL: m('吉利', '星越L', ['2.0TD 高功率 旗舰型'], [152_800, 178_800], 'ICE', 'mainstream', 'L6T', '78EZ2', 'N'),
  modelY: m('特斯拉', 'Model Y', ['后轮驱动版', '长续航全轮驱动版'], [242_800, 292_800], 'EV', 'electric', 'LRW', 'YGEF1', 'S', [35, 70]),
} satisfies Record<string, CarModel>;

type ModelKey = keyof typeof MODELS;
const pick = (entries: [ModelKey, number][]) =>
  entries.map(([key, weight]) => ({ value: MODELS[key], weight }));

/** What each store sells and services, weighted by how common the car is among its customers. */
// prettier-ignore
export const STORE_MODELS: Record<string, { value: CarModel; weight: number }[]> = {
  'SH-PD-BMW': pick([['bmw3', 40], ['bmw5', 30], ['bmwX3', 25], ['bmwI3', 5]]),
  'SH-MH-VW': pick([['vwLavida', 30], ['vwPassat', 30], ['vwTiguanL', 30], ['vwId4X', 10]]),
  'BJ-CY-AUDI': pick([['audiA4L', 35], ['audiA6L', 30], ['audiQ5L', 25], ['audiQ3', 10]]),
  'GZ-TH-TOYOTA': pick([['camry', 40], ['levin', 25], ['highlander', 20], ['wildlander', 15]]),
  'CD-WH-BYD': pick([['bydSongPlus', 30], ['bydQinPlus', 25], ['bydHan', 20], ['bydSeal', 15], ['bydYuanPlus', 10]]),
  // The multi-brand service centre sells no cars: its customers drive whatever they bought.
  'HZ-XH-SVC': pick([
    ['accord', 14], ['crv', 12], ['vwPassat', 10], ['vwTiguanL', 8], ['camry', 10], ['rav4', 10], ['benzC', 8], ['benzE', 5],
    ['benzGLC', 6], ['gl8', 5], ['sylphy', 6], ['xingyueL', 6], ['modelY', 6],
  ]),
};

/** A family's other car, bought elsewhere and serviced elsewhere. */
// prettier-ignore
export const OTHER_CARS = pick([
  ['sylphy', 12], ['vwLavida', 12], ['levin', 8], ['accord', 10], ['crv', 10], ['rav4', 10], ['bydQinPlus', 10], ['bydSongPlus', 8],
  ['xingyueL', 8], ['modelY', 8], ['gl8', 4],
]);

/** One priced line of a store's menu: a description and a price range by price class (yuan). */
export interface ServiceItem {
  description: string;
  price: Record<PriceClass, [number, number]>;
}

const item = (
  description: string,
  luxury: [number, number],
  mainstream: [number, number],
  electric: [number, number],
): ServiceItem => ({
  description,
  price: { luxury, mainstream, electric },
});

// Price ranges by class:                                          luxury            mainstream        electric
// prettier-ignore
export const MAINTENANCE_ITEMS = [
  item('常规保养：更换机油、机滤',                                   [1_380, 2_280],   [480, 880],       [320, 560]),
  item('常规保养：机油、机滤、空调滤芯，全车检测',                   [1_680, 2_680],   [620, 1_080],     [380, 680]),
  item('大保养：机油、三滤、火花塞，刹车油检测',                     [2_680, 3_880],   [1_180, 1_880],   [680, 1_180]),
];
/** Electric cars have no oil to change. */
// prettier-ignore
export const EV_MAINTENANCE_ITEMS = [
  item('常规保养：全车检测，更换空调滤芯',                           [880, 1_280],     [280, 480],       [280, 480]),
  item('二级保养：冷却液、刹车油检测，空调滤芯，电池包及高压系统检测', [1_280, 1_880], [480, 780],       [480, 780]),
  item('常规保养：轮胎换位，底盘及制动系统检查',                     [680, 980],       [198, 398],       [198, 398]),
];
/** The first service of a new car; free at the electric-car store. */
export const FIRST_MAINTENANCE = item('首保：全车检测及基础保养', [980, 1_380], [380, 580], [0, 0]);

// prettier-ignore
export const REPAIR_ITEMS = [
  item('更换前刹车片',                                               [1_480, 2_680],   [580, 980],       [620, 1_080]),
  item('更换刹车片及刹车盘（前轴）',                                 [3_280, 5_880],   [1_480, 2_480],   [1_580, 2_680]),
  item('钣金喷漆：前保险杠',                                         [2_280, 4_680],   [1_280, 2_380],   [1_380, 2_580]),
  item('钣金喷漆：左后门及后翼子板',                                 [3_880, 6_880],   [2_180, 3_680],   [2_280, 3_880]),
  item('空调系统维修：更换压缩机',                                   [5_680, 8_880],   [2_880, 4_680],   [3_280, 5_280]),
  item('更换变速箱油及滤芯',                                         [1_880, 2_880],   [980, 1_680],     [0, 0]),
  item('四轮定位及底盘检修',                                         [680, 1_280],     [280, 580],       [280, 580]),
];
// prettier-ignore
export const ACCIDENT_REPAIR = item('事故维修：前部碰撞钣金喷漆、更换大灯及保险杠（保险理赔）', [18_800, 42_800], [8_800, 18_800], [9_800, 22_800]);

// prettier-ignore
export const PARTS_ITEMS = [
  item('更换轮胎（2条）',                                            [2_880, 4_980],   [1_280, 2_280],   [1_480, 2_680]),
  item('更换轮胎（4条）',                                            [5_680, 9_680],   [2_480, 4_480],   [2_880, 5_280]),
  item('更换蓄电池',                                                 [1_380, 2_280],   [580, 1_080],     [680, 1_280]),
  item('更换雨刮片（前后）',                                         [380, 680],       [128, 288],       [168, 328]),
  item('更换空调滤芯（活性炭）',                                     [380, 580],       [128, 268],       [168, 298]),
];

// prettier-ignore
export const ACCESSORY_ITEMS = [
  item('隐形车衣（全车TPU）',                                        [12_800, 18_800], [6_800, 9_800],   [6_800, 9_800]),
  item('太阳膜（前挡＋侧后挡）',                                     [4_680, 8_880],   [1_880, 3_880],   [1_880, 3_880]),
  item('原厂行车记录仪',                                             [1_680, 2_480],   [880, 1_480],     [880, 1_480]),
  item('全包围脚垫＋后备箱垫',                                       [980, 1_680],     [380, 880],       [380, 880]),
  item('原厂车顶行李架',                                             [3_280, 4_880],   [1_680, 2_680],   [1_680, 2_680]),
  item('家用充电桩安装',                                             [3_980, 5_980],   [2_980, 3_980],   [2_980, 3_980]),
];
export const DELIVERY_ACCESSORIES = [ACCESSORY_ITEMS[0], ACCESSORY_ITEMS[1], ACCESSORY_ITEMS[3]];

export const WASH_ITEMS: { description: string; price: [number, number] }[] = [
  { description: '普通洗车', price: [35, 50] },
  { description: '精致洗车（含内饰吸尘）', price: [68, 98] },
  { description: '内饰深度清洁', price: [268, 398] },
  { description: '打蜡抛光', price: [198, 398] },
];

/** Commercial and compulsory insurance a year (交强险＋商业险), yuan. */
export const INSURANCE_PREMIUM: Record<PriceClass, [number, number]> = {
  luxury: [8_800, 15_800],
  mainstream: [3_800, 7_200],
  electric: [4_800, 9_800],
};

/** Extra store staff, each bound to one dealership (the DEMO_LOGINS front desks stay as they are). */
// prettier-ignore
export const STORE_STAFF: { username: string; name: string; dealership: string; role: string }[] = [
  { username: 'advisor.sh-pd-bmw', name: '周婷', dealership: 'SH-PD-BMW', role: '服务顾问' },
  { username: 'sales.sh-pd-bmw', name: '吴昊', dealership: 'SH-PD-BMW', role: '销售顾问' },
  { username: 'store.sh-mh-vw', name: '孙丽娟', dealership: 'SH-MH-VW', role: '前台' },
  { username: 'advisor.sh-mh-vw', name: '马俊', dealership: 'SH-MH-VW', role: '服务顾问' },
  { username: 'sales.sh-mh-vw', name: '朱晓燕', dealership: 'SH-MH-VW', role: '销售顾问' },
  { username: 'advisor.bj-cy-audi', name: '郭鹏', dealership: 'BJ-CY-AUDI', role: '服务顾问' },
  { username: 'sales.bj-cy-audi', name: '何静', dealership: 'BJ-CY-AUDI', role: '销售顾问' },
  { username: 'store.gz-th-toyota', name: '梁嘉欣', dealership: 'GZ-TH-TOYOTA', role: '前台' },
  { username: 'advisor.gz-th-toyota', name: '黄志强', dealership: 'GZ-TH-TOYOTA', role: '服务顾问' },
  { username: 'sales.gz-th-toyota', name: '陈伟明', dealership: 'GZ-TH-TOYOTA', role: '销售顾问' },
  { username: 'store.cd-wh-byd', name: '杨雪', dealership: 'CD-WH-BYD', role: '前台' },
  { username: 'advisor.cd-wh-byd', name: '罗斌', dealership: 'CD-WH-BYD', role: '服务顾问' },
  { username: 'sales.cd-wh-byd', name: '邓佳', dealership: 'CD-WH-BYD', role: '销售顾问' },
  { username: 'store.hz-xh-svc', name: '沈丹', dealership: 'HZ-XH-SVC', role: '前台' },
  { username: 'advisor.hz-xh-svc', name: '徐建华', dealership: 'HZ-XH-SVC', role: '服务顾问' },
];

/** More group staff besides the DEMO_LOGINS ones. */
// prettier-ignore
export const GROUP_STAFF: { username: string; name: string; role: 'MARKETING' | 'FINANCE' | 'CUSTOMER_SERVICE' | 'ADMIN' }[] = [
  { username: 'service.zhou', name: '周晓梅', role: 'CUSTOMER_SERVICE' },
  { username: 'service.lin', name: '林佳慧', role: 'CUSTOMER_SERVICE' },
  { username: 'marketing.huang', name: '黄诗雨', role: 'MARKETING' },
  { username: 'finance.xu', name: '许文博', role: 'FINANCE' },
];
