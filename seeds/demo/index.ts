import { StaffRole } from '../../backend/src/common/auth/principal';
import { Dealership } from '../../backend/src/modules/dealerships/dealership.entity';
import type { SeedStep } from '../../backend/src/modules/seeding/seed-step';
import { hashPassword } from '../../backend/src/modules/staff/password';
import { StaffUser } from '../../backend/src/modules/staff/staff-user.entity';
import { GROUP_STAFF, STORE_STAFF } from './catalogue';
import { DEMO_DEALERSHIPS } from './dealerships';
import { demoActivitiesStep } from './activities';
import { demoCardsStep } from './cards';
import { demoComplaintsStep } from './complaints';
import { demoHistoryStep } from './history';
import { demoDayOneJobsStep } from './jobs';

/** Demo logins printed at start-up; all share one password. */
export const DEMO_PASSWORD = 'demo1234';
export const DEMO_LOGINS = [
  { username: 'admin', role: StaffRole.ADMIN, name: '王建国', dealership: null, description: '集团管理员 group admin' },
  { username: 'marketing', role: StaffRole.MARKETING, name: '李思思', dealership: null, description: '市场部 marketing' },
  { username: 'finance', role: StaffRole.FINANCE, name: '张敏', dealership: null, description: '财务 finance' },
  { username: 'service', role: StaffRole.CUSTOMER_SERVICE, name: '陈晓燕', dealership: null, description: '客服 customer service' },
  { username: 'store.sh', role: StaffRole.STORE_STAFF, name: '刘洋', dealership: 'SH-PD-BMW', description: '上海浦东宝马 前台 store staff' },
  { username: 'store.bj', role: StaffRole.STORE_STAFF, name: '赵磊', dealership: 'BJ-CY-AUDI', description: '北京朝阳奥迪 前台 store staff' },
].map((l) => ({ ...l, password: DEMO_PASSWORD }));

export const demoSteps: SeedStep[] = [
  {
    name: 'demo:dealerships-and-staff',
    async run({ manager }) {
      const dealerships = await manager.save(DEMO_DEALERSHIPS.map((d) => manager.create(Dealership, { ...d, active: true })));
      const byCode = new Map(dealerships.map((d) => [d.code, d.id]));
      const passwordHash = await hashPassword(DEMO_PASSWORD);
      await manager.save(
        DEMO_LOGINS.map((l) =>
          manager.create(StaffUser, {
            username: l.username,
            name: l.name,
            role: l.role,
            dealershipId: l.dealership ? byCode.get(l.dealership)! : null,
            passwordHash,
            active: true,
          }),
        ),
      );
      return `${dealerships.length} dealerships, ${DEMO_LOGINS.length} staff users`;
    },
  },
  {
    name: 'demo:more-staff',
    async run({ manager }) {
      const byCode = new Map((await manager.find(Dealership)).map((d) => [d.code, d.id]));
      const passwordHash = await hashPassword(DEMO_PASSWORD);
      const users = [
        ...GROUP_STAFF.map((s) => ({ username: s.username, name: s.name, role: StaffRole[s.role], dealershipId: null })),
        ...STORE_STAFF.map((s) => ({ username: s.username, name: s.name, role: StaffRole.STORE_STAFF, dealershipId: byCode.get(s.dealership)! })),
      ];
      await manager.save(users.map((u) => manager.create(StaffUser, { ...u, passwordHash, active: true })));
      return `${users.length} more staff users (password ${DEMO_PASSWORD})`;
    },
  },
  demoHistoryStep,
  demoCardsStep,
  demoActivitiesStep,
  demoComplaintsStep,
  demoDayOneJobsStep,
];
