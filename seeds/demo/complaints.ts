import { faker as fakerZH_CN } from '@faker-js/faker/locale/zh_CN';
import { In, IsNull } from 'typeorm';
import { Principal, StaffRole } from '../../backend/src/common/auth/principal';
import { dialectOf } from '../../backend/src/common/database/sql-dialect';
import { APP_CONFIG, AppConfig } from '../../backend/src/config/app-config';
import { ComplaintEvent } from '../../backend/src/modules/complaints/complaint-event.entity';
import { dueTimes, ticketNo, ticketPrefix } from '../../backend/src/modules/complaints/complaint-rules';
import { Complaint } from '../../backend/src/modules/complaints/complaint.entity';
import {
  ComplaintCategory as C,
  ComplaintChannel,
  ComplaintEventType,
  ComplaintOutcome as O,
  ComplaintPriority,
  ComplaintStatus as S,
} from '../../backend/src/modules/complaints/complaint.enums';
import { ComplaintsService } from '../../backend/src/modules/complaints/complaints.service';
import { Dealership } from '../../backend/src/modules/dealerships/dealership.entity';
import { Member } from '../../backend/src/modules/members/member.entity';
import { MemberStatus } from '../../backend/src/modules/members/member.enums';
import { ProgrammeService } from '../../backend/src/modules/programme/programme.service';
import type { SeedStep } from '../../backend/src/modules/seeding/seed-step';
import { StaffUser } from '../../backend/src/modules/staff/staff-user.entity';
import { SalesTransaction } from '../../backend/src/modules/transactions/sales-transaction.entity';
import { Vehicle } from '../../backend/src/modules/vehicles/vehicle.entity';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

interface Planned {
  store: string;
  category: C;
  subject: string;
  description: string;
  status: S;
  hoursAgo: number;
  priority?: ComplaintPriority;
  channel?: ComplaintChannel;
  /** Filed by the member in the app. */
  app?: boolean;
  /** About the member's latest transaction at the store. */
  transaction?: boolean;
  outcome?: O;
  resolution?: string;
  satisfaction?: number;
  feedback?: string;
  note?: string;
  /** Resolved, then reopened on the member's reply (and resolved again when past IN_PROGRESS). */
  reopened?: string;
  /** Acknowledged after the 30 minutes. */
  lateAck?: boolean;
}

/** About 20 complaints over the last two months, in every status, two of them overdue. */
const PLAN: Planned[] = [
  // CLOSED, with satisfaction.
  {
    store: 'SH-PD-BMW',
    category: C.OVERCHARGING,
    subject: '保养结算金额比报价高出380元',
    description: '预约时报价1280元，结算时1660元，未提前告知增加项目。',
    status: S.CLOSED,
    hoursAgo: 52 * 24,
    transaction: true,
    outcome: O.RESOLVED_COMPENSATED,
    resolution: '核实为服务顾问未确认即增加了燃油系统清洗，退还380元并赠送一次精致洗车。',
    satisfaction: 5,
    feedback: '处理很快，退款已到账。',
    note: '已调取工单，确认燃油系统清洗未经客户签字。',
  },
  {
    store: 'SH-MH-VW',
    category: C.LONG_WAIT,
    subject: '预约保养到店后仍等待3个多小时',
    description: '预约上午9点，12点半才交车，期间无人告知进度。',
    status: S.CLOSED,
    hoursAgo: 45 * 24,
    outcome: O.RESOLVED_EXPLAINED,
    resolution: '当天车间设备故障导致积压，已向客户致歉并赠送下次保养工时费8折券。',
    satisfaction: 4,
    feedback: '理解，但希望能及时通知。',
  },
  {
    store: 'BJ-CY-AUDI',
    category: C.NOT_FIXED_FIRST_TIME,
    subject: '底盘异响维修两次仍未解决',
    description: '过减速带时右前轮处有咯噔声，两次到店均称已处理。',
    status: S.CLOSED,
    hoursAgo: 38 * 24,
    transaction: true,
    outcome: O.RESOLVED_REPAIRED,
    resolution: '技术经理路试确认为右前下摆臂衬套老化，更换后复检异响消除。',
    satisfaction: 4,
    reopened: '客户来电：更换稳定杆连杆后第二天异响再次出现。',
    note: '已安排技术经理陪同路试。',
  },
  {
    store: 'GZ-TH-TOYOTA',
    category: C.SERVICE_ATTITUDE,
    subject: '前台接待不耐烦，说话语气生硬',
    description: '询问保养项目时前台多次打断并表示“说了你也不懂”。',
    status: S.CLOSED,
    hoursAgo: 30 * 24,
    outcome: O.RESOLVED_EXPLAINED,
    resolution: '店总当面致歉，涉事员工已停岗培训，赠送一次空调清洗。',
    satisfaction: 3,
    feedback: '道歉收到了，服务还需要改进。',
  },
  {
    store: 'CD-WH-BYD',
    category: C.BROKEN_PROMISE,
    subject: '购车时承诺赠送的脚垫和行车记录仪迟迟未到',
    description: '提车一个月，多次催促销售顾问均答复“在调货”。',
    status: S.CLOSED,
    hoursAgo: 21 * 24,
    outcome: O.RESOLVED_COMPENSATED,
    resolution: '已补装行车记录仪和全包围脚垫，另赠500积分致歉。',
    satisfaction: 5,
  },
  {
    store: 'HZ-XH-SVC',
    category: C.OTHER,
    subject: '客户休息区WiFi无法使用，饮水机无热水',
    description: '等待期间休息区设施不可用。',
    status: S.CLOSED,
    hoursAgo: 12 * 24,
    priority: ComplaintPriority.LOW,
    outcome: O.RESOLVED_REPAIRED,
    resolution: '已更换路由器并维修饮水机。',
    satisfaction: 2,
    feedback: '等了好几天才修好。',
    lateAck: true,
  },
  // RESOLVED, awaiting the member's satisfaction.
  {
    store: 'SH-PD-BMW',
    category: C.WARRANTY_DISPUTE,
    subject: '变速箱换挡顿挫，店方称不在保修范围',
    description: '车辆行驶4万公里，2挡升3挡明显顿挫。',
    status: S.RESOLVED,
    hoursAgo: 9 * 24,
    transaction: true,
    outcome: O.RESOLVED_REPAIRED,
    resolution: '厂家技术支持确认为阀体软件问题，已按保修升级变速箱程序。',
    note: '已提交厂家技术支持工单。',
  },
  {
    store: 'BJ-CY-AUDI',
    category: C.OVERCHARGING,
    subject: '更换刹车片工时费比价目表贵一倍',
    description: '价目表工时费300元，实收600元。',
    status: S.RESOLVED,
    hoursAgo: 6 * 24,
    outcome: O.UNFOUNDED,
    resolution: '核实为前后轮刹车片同时更换，按两个项目计费，符合价目表，已向客户出示明细。',
  },
  {
    store: 'GZ-TH-TOYOTA',
    category: C.EXAGGERATED_ADVERTISING,
    subject: '宣传的百公里油耗与实际差距太大',
    description: '宣传4.1升，实际市区7升以上。',
    status: S.RESOLVED,
    hoursAgo: 4 * 24,
    app: true,
    outcome: O.RESOLVED_EXPLAINED,
    resolution: '说明工信部综合工况与市区拥堵工况差异，并提供省油驾驶建议及免费检测。',
  },
  {
    store: 'SH-MH-VW',
    category: C.POOR_AFTER_SALES,
    subject: '事故车理赔协助不积极',
    description: '车辆追尾后送店维修，理赔资料迟迟未提交保险公司。',
    status: S.RESOLVED,
    hoursAgo: 3 * 24,
    outcome: O.WITHDRAWN,
    resolution: '客户来电表示保险公司已直接定损，撤回投诉。',
  },
  // IN_PROGRESS.
  {
    store: 'CD-WH-BYD',
    category: C.PRODUCT_QUALITY,
    subject: '新车不到半年中控屏频繁黑屏',
    description: '行驶中中控屏突然黑屏，倒车影像无法使用。',
    status: S.IN_PROGRESS,
    hoursAgo: 30,
    priority: ComplaintPriority.HIGH,
    note: '已预约周六到店检测，备件已申请。',
  },
  {
    store: 'SH-PD-BMW',
    category: C.NOT_FIXED_FIRST_TIME,
    subject: '发动机故障灯修后再次亮起',
    description: '上周更换点火线圈后故障灯又亮。',
    status: S.IN_PROGRESS,
    hoursAgo: 75,
    transaction: true,
    note: '客户车辆已进店，等待诊断结果。',
  },
  {
    store: 'HZ-XH-SVC',
    category: C.LONG_WAIT,
    subject: '钣喷维修交车时间一再推迟',
    description: '承诺5天交车，已过去10天。',
    status: S.IN_PROGRESS,
    hoursAgo: 20,
    reopened: '客户表示交车后发现漆面有色差，要求重新处理。',
  },
  {
    store: 'GZ-TH-TOYOTA',
    category: C.WARRANTY_DISPUTE,
    subject: '动力电池衰减超标但拒绝保修',
    description: '3年6万公里，续航下降超过30%。',
    status: S.IN_PROGRESS,
    hoursAgo: 8,
    app: true,
    priority: ComplaintPriority.HIGH,
  },
  // ACKNOWLEDGED.
  {
    store: 'BJ-CY-AUDI',
    category: C.POOR_AFTER_SALES,
    subject: '道路救援电话长时间打不通',
    description: '高速上爆胎，救援热线打了半小时无人接听。',
    status: S.ACKNOWLEDGED,
    hoursAgo: 5,
    priority: ComplaintPriority.HIGH,
  },
  {
    store: 'SH-MH-VW',
    category: C.BROKEN_PROMISE,
    subject: '承诺的两次免费保养未兑现',
    description: '购车合同附件写明赠送两次保养，到店被告知已用完。',
    status: S.ACKNOWLEDGED,
    hoursAgo: 130,
    priority: ComplaintPriority.LOW,
  },
  {
    store: 'CD-WH-BYD',
    category: C.SERVICE_ATTITUDE,
    subject: '销售顾问对试驾预约敷衍',
    description: '预约周末试驾，到店后被告知试驾车不在。',
    status: S.ACKNOWLEDGED,
    hoursAgo: 2,
  },
  // OPEN.
  {
    store: 'SH-PD-BMW',
    category: C.PRODUCT_QUALITY,
    subject: '空调异味，更换滤芯后仍未改善',
    description: '开空调有明显霉味，已更换滤芯。',
    status: S.OPEN,
    hoursAgo: 0.2,
    app: true,
  },
  {
    store: 'HZ-XH-SVC',
    category: C.SERVICE_ATTITUDE,
    subject: '服务顾问态度冷淡，询问进度无人回应',
    description: '微信多次询问维修进度，均未回复。',
    status: S.OPEN,
    hoursAgo: 0.7,
    priority: ComplaintPriority.URGENT,
    channel: ComplaintChannel.WECHAT,
  },
  {
    store: 'GZ-TH-TOYOTA',
    category: C.OTHER,
    subject: '维修后车内遗留污渍',
    description: '取车时发现座椅和地毯有油污。',
    status: S.OPEN,
    hoursAgo: 0.1,
    channel: ComplaintChannel.STORE,
  },
];

/** Minutes from one timeline event to the next, by the next event's type. */
const GAP_MINUTES: Record<ComplaintEventType, [number, number]> = {
  [ComplaintEventType.CREATED]: [0, 0],
  [ComplaintEventType.ACKNOWLEDGED]: [6, 24],
  [ComplaintEventType.ASSIGNED]: [15, 90],
  [ComplaintEventType.NOTE]: [60, 600],
  [ComplaintEventType.RESOLVED]: [300, 1800],
  [ComplaintEventType.REOPENED]: [600, 2400],
  [ComplaintEventType.CLOSED]: [120, 1500],
  [ComplaintEventType.UPDATED]: [5, 30],
  [ComplaintEventType.ESCALATED]: [0, 0],
};

const principalOf = (user: StaffUser): Principal => ({
  staff: {
    id: user.id,
    username: user.username,
    name: user.name,
    role: user.role,
    dealershipId: user.dealershipId,
  },
});

/**
 * Complaints for the demo group: every status, realistic subjects per category, handled through
 * ComplaintsService by group customer service and the stores' staff (two filed by members in the
 * app). The timelines are then dated over the last two months with believable gaps, and the
 * escalation job runs once so the overdue ones carry their escalations.
 */
export const demoComplaintsStep: SeedStep = {
  name: 'demo:complaints',
  async run({ manager, moduleRef }) {
    const faker = fakerZH_CN;
    faker.seed(20261124);
    const complaints = moduleRef.get(ComplaintsService, { strict: false });
    const rules = await moduleRef.get(ProgrammeService, { strict: false }).rules(manager);
    const stores = new Map((await manager.find(Dealership)).map((d) => [d.code, d.id]));
    const service = (
      await manager.find(StaffUser, {
        where: { role: StaffRole.CUSTOMER_SERVICE, dealershipId: IsNull(), active: true },
        order: { username: 'ASC' },
      })
    ).map(principalOf);
    const desks = new Map<string, StaffUser>();
    for (const user of await manager.find(StaffUser, {
      where: { role: StaffRole.STORE_STAFF, active: true },
      order: { username: 'ASC' },
    })) {
      if (user.dealershipId && !desks.has(user.dealershipId)) desks.set(user.dealershipId, user);
    }
    const now = Date.now();
    const used = new Set<string>();
    let made = 0;

    for (const [index, p] of PLAN.entries()) {
      const storeId = stores.get(p.store);
      const desk = storeId ? desks.get(storeId) : undefined;
      if (!storeId || !desk || !service.length) continue;
      const cs = service[index % service.length];
      const member = await pickMember(manager, storeId, used);
      if (!member) continue;
      used.add(member.id);
      const vehicle = await manager.findOne(Vehicle, {
        where: { memberId: member.id },
        order: { createdAt: 'ASC' },
      });
      const transaction = p.transaction
        ? await manager.findOne(SalesTransaction, {
            where: { memberId: member.id, dealershipId: storeId },
            order: { occurredAt: 'DESC' },
          })
        : null;

      let c = p.app
        ? await complaints.file(
            { member: { id: member.id } },
            {
              category: p.category,
              subject: p.subject,
              description: p.description,
              dealershipId: storeId,
              vehicleId: vehicle?.id,
            },
          )
        : await complaints.create(index % 3 === 0 ? principalOf(desk) : cs, {
            memberId: member.id,
            dealershipId: storeId,
            vehicleId: vehicle?.id,
            transactionId: transaction?.id,
            category: p.category,
            priority: p.priority,
            channel: p.channel ?? (index % 2 ? ComplaintChannel.PHONE : ComplaintChannel.STORE),
            subject: p.subject,
            description: p.description,
          });
      if (p.app && p.priority) c = await complaints.update(cs, c.id, { priority: p.priority });
      if (p.status !== S.OPEN) c = await complaints.acknowledge(cs, c.id);
      if ([S.IN_PROGRESS, S.RESOLVED, S.CLOSED].includes(p.status)) {
        c = await complaints.assign(cs, { complaintId: c.id, assigneeId: desk.id });
        if (p.note) c = await complaints.addNote(principalOf(desk), { complaintId: c.id, note: p.note });
      }
      if (p.reopened) {
        c = await complaints.resolve(principalOf(desk), {
          complaintId: c.id,
          outcome: O.RESOLVED_REPAIRED,
          resolution: '已处理完毕，客户确认取车。',
        });
        c = await complaints.reopen(cs, { complaintId: c.id, reason: p.reopened });
      }
      if ([S.RESOLVED, S.CLOSED].includes(p.status)) {
        c = await complaints.resolve(principalOf(desk), {
          complaintId: c.id,
          outcome: p.outcome ?? O.RESOLVED_EXPLAINED,
          resolution: p.resolution ?? '已与客户沟通处理。',
        });
      }
      if (p.status === S.CLOSED)
        c = await complaints.close(cs, {
          complaintId: c.id,
          satisfaction: p.satisfaction,
          feedback: p.feedback,
        });

      await redate(manager, c, p, now - p.hoursAgo * HOUR, now, faker, rules.complaintSla);
      made++;
    }

    // Ticket numbers follow the filing dates the timelines now carry: each day numbered from 0001.
    const sql = dialectOf(manager);
    const timeZone = moduleRef.get<AppConfig>(APP_CONFIG, { strict: false }).programmeTimeZone;
    const all = await manager.find(Complaint, { order: { createdAt: 'ASC', id: 'ASC' } });
    for (const [i, c] of all.entries())
      await manager.query('UPDATE `complaint` SET `ticketNo` = ? WHERE `id` = ?', [
        `TMP${String(i).padStart(8, '0')}`,
        c.id,
      ]);
    const perDay = new Map<string, number>();
    for (const c of all) {
      const prefix = ticketPrefix(c.createdAt, timeZone);
      perDay.set(prefix, (perDay.get(prefix) ?? 0) + 1);
      await manager.query('UPDATE `complaint` SET `ticketNo` = ? WHERE `id` = ?', [
        ticketNo(prefix, perDay.get(prefix)!),
        c.id,
      ]);
    }

    // The overdue ones escalate as the job would have done, and their escalations are dated then.
    await complaints.escalateDue(new Date(now));
    const escalated = await manager.find(ComplaintEvent, { where: { type: ComplaintEventType.ESCALATED } });
    const owners = new Map(
      (
        await manager.find(Complaint, {
          where: { id: In([...new Set(escalated.map((e) => e.complaintId))]) },
        })
      ).map((c) => [c.id, c]),
    );
    for (const event of escalated) {
      const owner = owners.get(event.complaintId)!;
      const due = event.note?.startsWith('Level 1') ? owner.acknowledgeDueAt : owner.resolveDueAt;
      await manager.query('UPDATE `complaint_event` SET `createdAt` = ? WHERE `id` = ?', [
        sql.dateTime(new Date(Math.min(due.getTime() + 5 * MINUTE, now))),
        event.id,
      ]);
    }
    return `${made} complaints (${escalated.length} escalations)`;
  },
};

/** An active member of the store with a vehicle, not used yet. */
async function pickMember(
  manager: import('typeorm').EntityManager,
  storeId: string,
  used: Set<string>,
): Promise<Member | null> {
  const candidates = await manager.find(Member, {
    where: { homeDealershipId: storeId, status: MemberStatus.ACTIVE },
    order: { createdAt: 'ASC', id: 'ASC' },
    take: 40,
  });
  for (const member of candidates) {
    if (used.has(member.id)) continue;
    if (await manager.existsBy(Vehicle, { memberId: member.id })) return member;
  }
  return null;
}

/**
 * Dates a complaint's timeline: filed at `filedAt`, each later event after a believable gap (all
 * squeezed before now when needed), and the complaint's own timestamps and due times to match.
 */
async function redate(
  manager: import('typeorm').EntityManager,
  complaint: Complaint,
  p: Planned,
  filedAt: number,
  now: number,
  faker: typeof fakerZH_CN,
  sla: Parameters<typeof dueTimes>[2],
) {
  const events = await manager.find(ComplaintEvent, {
    where: { complaintId: complaint.id },
    order: { createdAt: 'ASC', id: 'ASC' },
  });
  const offsets: number[] = [];
  let offset = 0;
  for (const [i, event] of events.entries()) {
    if (i > 0) {
      const sameStep =
        event.type === ComplaintEventType.ASSIGNED &&
        events[i - 1].type === ComplaintEventType.ACKNOWLEDGED &&
        events[i - 1].note;
      const [min, max] =
        event.type === ComplaintEventType.ACKNOWLEDGED && p.lateAck ? [45, 120] : GAP_MINUTES[event.type];
      offset += sameStep ? 0 : faker.number.int({ min, max }) * MINUTE;
    }
    offsets.push(offset);
  }
  // Recent complaints: the whole timeline fits between filing and a minute ago.
  const room = now - MINUTE - filedAt;
  const scale = offset > room ? room / offset : 1;
  const at = offsets.map((o) => new Date(filedAt + Math.round(o * scale)));
  const sql = dialectOf(manager);
  for (const [i, event] of events.entries()) {
    await manager.query('UPDATE `complaint_event` SET `createdAt` = ? WHERE `id` = ?', [
      sql.dateTime(at[i]),
      event.id,
    ]);
  }
  const last = (type: ComplaintEventType) => {
    const i = events.map((e) => e.type).lastIndexOf(type);
    return i < 0 ? null : at[i];
  };
  const first = (type: ComplaintEventType) => {
    const i = events.findIndex((e) => e.type === type);
    return i < 0 ? null : at[i];
  };
  const current = await manager.findOneByOrFail(Complaint, { id: complaint.id });
  const due = dueTimes(at[0], current.priority, sla);
  const value = (d: Date | null) => (d ? sql.dateTime(d) : null);
  await manager.query(
    'UPDATE `complaint` SET `createdAt` = ?, `updatedAt` = ?, `acknowledgeDueAt` = ?, `resolveDueAt` = ?, `acknowledgedAt` = ?, `resolvedAt` = ?, `closedAt` = ? WHERE `id` = ?',
    [
      value(at[0]),
      value(at[at.length - 1]),
      value(due.acknowledgeDueAt),
      value(due.resolveDueAt),
      value(current.acknowledgedAt ? first(ComplaintEventType.ACKNOWLEDGED) : null),
      value(current.resolvedAt ? last(ComplaintEventType.RESOLVED) : null),
      value(current.closedAt ? last(ComplaintEventType.CLOSED) : null),
      complaint.id,
    ],
  );
}
