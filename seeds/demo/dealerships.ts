/** The demo dealership group: 4S stores of several brands in several cities. */
export const DEMO_DEALERSHIPS = [
  { code: 'SH-PD-BMW', name: '上海浦东宝马4S店', brand: '宝马', city: '上海', address: '上海市浦东新区张杨路1888号', phone: '021-58881234' },
  { code: 'SH-MH-VW', name: '上海闵行大众4S店', brand: '大众', city: '上海', address: '上海市闵行区沪闵路6088号', phone: '021-64305678' },
  { code: 'BJ-CY-AUDI', name: '北京朝阳奥迪4S店', brand: '奥迪', city: '北京', address: '北京市朝阳区北四环东路68号', phone: '010-64781122' },
  { code: 'GZ-TH-TOYOTA', name: '广州天河丰田4S店', brand: '丰田', city: '广州', address: '广州市天河区黄埔大道西233号', phone: '020-38823456' },
  { code: 'CD-WH-BYD', name: '成都武侯比亚迪4S店', brand: '比亚迪', city: '成都', address: '成都市武侯区武侯大道399号', phone: '028-85117788' },
  { code: 'HZ-XH-SVC', name: '杭州西湖汽车服务中心', brand: '多品牌', city: '杭州', address: '杭州市西湖区文三路478号', phone: '0571-88219900' },
];
