import { registry } from '../test-support/schema';

describe('buildRegistry on the emitted schema', () => {
  it('finds every list that follows the convention, named by its list query', () => {
    expect(registry.resources.map((r) => r.name).sort()).toEqual(
      [
        'activities',
        'apiClients',
        'auditLogs',
        'benefitRedemptions',
        'benefits',
        'cardEntries',
        'cards',
        'complaints',
        'dealerships',
        'followUps',
        'jobRuns',
        'memberBenefits',
        'members',
        'notifications',
        'participations',
        'pointsEntries',
        'referrals',
        'staffUsers',
        'tierChanges',
        'tiers',
        'transactions',
        'vehicles',
      ].sort(),
    );
    expect(registry.byName.participations.typeName).toBe('ActivityParticipation');
  });

  it('reads the operations that exist, and only those returning the record', () => {
    expect(registry.byName.members).toMatchObject({ one: 'member', create: 'createMember', update: 'updateMember' });
    expect(registry.byName.members.delete).toBeUndefined();
    expect(registry.byName.vehicles).toMatchObject({ create: 'createVehicle', update: 'updateVehicle', delete: 'deleteVehicle' });
    // createApiClient returns ApiClientCredentials (the key, shown once), not an ApiClient.
    expect(registry.byName.apiClients.create).toBeUndefined();
    // Ledgers are read-only.
    for (const ledger of ['pointsEntries', 'cardEntries', 'auditLogs', 'tierChanges']) {
      expect(registry.byName[ledger]).toMatchObject({ create: undefined, update: undefined, delete: undefined });
    }
  });

  it('types fields for display: money, instants, dates, enums, JSON, embedded objects', () => {
    const field = (resource: string, name: string) => registry.byName[resource].fields.find((f) => f.name === name);
    expect(field('members', 'totalSpend')).toMatchObject({ kind: 'money', typeName: 'Money', required: true });
    expect(field('members', 'createdAt')).toMatchObject({ kind: 'datetime' });
    expect(field('members', 'birthday')).toMatchObject({ kind: 'date', required: false });
    expect(field('members', 'status')).toMatchObject({ kind: 'enum', typeName: 'MemberStatus' });
    expect(field('members', 'status')?.enumValues).toContain('PENDING_ACTIVATION');
    expect(field('auditLogs', 'before')).toMatchObject({ kind: 'json' });
    expect(field('activities', 'stats')).toMatchObject({ kind: 'object', typeName: 'ActivityStats' });
    expect(field('benefits', 'quotaByTier')).toMatchObject({ kind: 'object', list: true });
    // Relations and heavy nested lists are not part of a record; their keys are.
    expect(field('members', 'homeDealership')).toBeUndefined();
    expect(field('members', 'vehicles')).toBeUndefined();
    expect(field('complaints', 'events')).toBeUndefined();
    expect(field('members', 'expiringPoints')).toBeUndefined(); // takes arguments
  });

  it('resolves foreign keys to the resources they point at, through the relation or the type name', () => {
    const ref = (resource: string, name: string) => registry.byName[resource].fields.find((f) => f.name === name)?.reference;
    expect(ref('members', 'homeDealershipId')).toBe('dealerships');
    expect(ref('members', 'tierId')).toBe('tiers');
    expect(ref('complaints', 'assigneeId')).toBe('staffUsers');
    expect(ref('tierChanges', 'toTierId')).toBe('tiers');
    expect(ref('activities', 'eligibleTierIds')).toBe('tiers');
    expect(ref('pointsEntries', 'operatorId')).toBeUndefined();
    // Keys in filters and inputs too.
    const filterRef = (resource: string, name: string) =>
      registry.byName[resource].filter?.fields.find((f) => f.name === name)?.reference;
    expect(filterRef('benefitRedemptions', 'benefitId')).toBe('benefits');
    expect(filterRef('referrals', 'referrerId')).toBe('members');
    expect(registry.byName.vehicles.createInput?.fields.find((f) => f.name === 'memberId')).toMatchObject({
      kind: 'reference',
      reference: 'members',
      required: true,
    });
  });

  it('reads filters, sort fields and nested inputs', () => {
    const members = registry.byName.members;
    expect(members.filter?.fields.map((f) => f.name)).toEqual(expect.arrayContaining(['ids', 'q', 'tierId', 'status']));
    expect(members.sort?.fieldEnum).toMatchObject({ createdAt: 'CREATED_AT', totalSpend: 'TOTAL_SPEND', memberNo: 'MEMBER_NO' });
    expect(members.canGetMany).toBe(true);
    expect(registry.byName.apiClients.canGetMany).toBe(false);
    const vehicle = members.createInput?.fields.find((f) => f.name === 'vehicle');
    expect(vehicle).toMatchObject({ kind: 'object', typeName: 'VehicleDetailsInput', required: false });
    expect(vehicle?.fields?.find((f) => f.name === 'vin')).toMatchObject({ kind: 'string', required: true });
  });
});
