import englishMessages from 'ra-language-english';
import type { FieldDef } from '../data/registry';
import { registry } from '../test-support/schema';
import { appEn } from './app.en';
import { appZhCN } from './app.zh-CN';
import { buildI18nProvider } from './i18n-provider';
import { raZhCN } from './ra-zh-CN';

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  );
}

function fieldNames(fields: FieldDef[] = []): string[] {
  return fields.flatMap((f) => [f.name, ...fieldNames(f.fields)]);
}

const catalogues = { 'zh-CN': appZhCN as unknown as Tree, en: appEn as unknown as Tree };

describe('message catalogues', () => {
  it('the Chinese react-admin catalogue has every key of the English one', () => {
    expect(keys(raZhCN as unknown as Tree).sort()).toEqual(keys(englishMessages as unknown as Tree).sort());
  });

  it('both languages carry the same app keys', () => {
    expect(keys(catalogues.en).sort()).toEqual(keys(catalogues['zh-CN']).sort());
  });

  it.each(Object.entries(catalogues))(
    '%s names every resource, labels every field and every enum value of the schema',
    (_locale, tree) => {
      const resources = tree.resources as Record<string, Tree>;
      const shared = tree.fields as Record<string, string>;
      const enums = tree.enums as Record<string, Record<string, string>>;
      const missing: string[] = [];
      for (const resource of registry.resources) {
        if (!resources[resource.name]?.name) missing.push(`resources.${resource.name}.name`);
        const names = new Set([
          ...fieldNames(resource.fields),
          ...fieldNames(resource.filter?.fields),
          ...fieldNames(resource.createInput?.fields),
          ...fieldNames(resource.updateInput?.fields),
        ]);
        for (const name of names) {
          const own = (resources[resource.name]?.fields as Record<string, string> | undefined)?.[name];
          if (!own && !shared[name]) missing.push(`${resource.name}.${name}`);
        }
      }
      for (const [type, values] of Object.entries(registry.enums)) {
        if (type.endsWith('SortField')) continue; // never shown: sorting is by column
        for (const value of values) if (!enums[type]?.[value]) missing.push(`enums.${type}.${value}`);
      }
      expect(missing).toEqual([]);
    },
  );
});

describe('the i18n provider', () => {
  it('is Chinese by default and resolves field labels per resource, then shared, then humanised', () => {
    const i18n = buildI18nProvider();
    expect(i18n.getLocale()).toBe('zh-CN');
    expect(i18n.translate('resources.members.fields.name')).toBe('姓名');
    expect(i18n.translate('resources.dealerships.fields.name')).toBe('门店名称');
    expect(i18n.translate('resources.vehicles.fields.vin', { _: 'Vin' })).toBe('车架号（VIN）');
    expect(i18n.translate('resources.members.fields.vehicle.vin', { _: 'Vehicle.vin' })).toBe(
      '车架号（VIN）',
    );
    expect(i18n.translate('resources.newThings.fields.freshField')).toBe('Fresh field');
    expect(i18n.translate('enums.MemberStatus.PENDING_ACTIVATION')).toBe('待激活');
    expect(i18n.translate('enums.NewEnum.SOME_VALUE')).toBe('Some value');
    expect(i18n.translate('ra.action.save')).toBe('保存');
  });

  it('switches to English', async () => {
    const i18n = buildI18nProvider();
    await i18n.changeLocale('en');
    expect(i18n.translate('resources.members.fields.homeDealershipId')).toBe('Home dealership');
    expect(i18n.translate('enums.CardType.STORED_VALUE')).toBe('Stored-value card');
    expect(i18n.translate('resources.members.name', { smart_count: 2 })).toBe('Members');
    expect(i18n.getLocales?.().map((l) => l.locale)).toEqual(['zh-CN', 'en']);
  });
});
