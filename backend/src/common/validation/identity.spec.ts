import 'reflect-metadata';
import { validateSync } from 'class-validator';
import {
  IsMainlandIdCard,
  IsMainlandPlate,
  IsVin,
  idCardCheckChar,
  isMainlandIdCard,
  isMainlandPlate,
  isVin,
  maskIdCard,
  maskMobile,
  normalizeIdCard,
  normalizePlate,
  normalizeVin,
} from './identity';

/** Independent MOD 11-2 implementation, so fixtures do not rely on the code under test. */
function withCheckChar(first17: string): string {
  const sum = [...first17].reduce((acc, digit, i) => acc + Number(digit) * (2 ** (17 - i) % 11), 0);
  return first17 + '10X98765432'[sum % 11];
}

/** Same 17 digits with a check character that is guaranteed wrong. */
function withWrongCheckChar(first17: string): string {
  const right = withCheckChar(first17).slice(-1);
  return first17 + (right === '0' ? '1' : '0');
}

const NOW = new Date('2025-06-15T12:00:00Z');

describe('resident ID cards', () => {
  it('accepts the published example and computed fixtures', () => {
    expect(isMainlandIdCard('11010519491231002X', NOW)).toBe(true);
    expect(isMainlandIdCard(withCheckChar('11010119900307447'), NOW)).toBe(true);
    expect(isMainlandIdCard(withCheckChar('44030420000229123'), NOW)).toBe(true); // leap day
    expect(isMainlandIdCard(withCheckChar('31011519000101001'), NOW)).toBe(true); // earliest year
  });

  it('the check character helper agrees with the independent implementation', () => {
    for (const first17 of [
      '11010519491231002',
      '11010119900307447',
      '32010219851111555',
      '51010720100101000',
    ]) {
      expect(idCardCheckChar(first17)).toBe(withCheckChar(first17).slice(-1));
    }
  });

  it('accepts a lower-case x check character and normalises it', () => {
    expect(isMainlandIdCard('11010519491231002x', NOW)).toBe(true);
    expect(normalizeIdCard(' 11010519491231002x ')).toBe('11010519491231002X');
  });

  it('rejects a wrong checksum', () => {
    expect(isMainlandIdCard('110105194912310021', NOW)).toBe(false);
    expect(isMainlandIdCard(withWrongCheckChar('11010119900307447'), NOW)).toBe(false);
    // A single changed digit in the body breaks the checksum.
    expect(isMainlandIdCard('11010519491231003X', NOW)).toBe(false);
  });

  it('rejects impossible birth dates even with a correct checksum', () => {
    expect(isMainlandIdCard(withCheckChar('11010119990230123'), NOW)).toBe(false); // 30 Feb
    expect(isMainlandIdCard(withCheckChar('11010120230229123'), NOW)).toBe(false); // not a leap year
    expect(isMainlandIdCard(withCheckChar('11010119901301123'), NOW)).toBe(false); // month 13
    expect(isMainlandIdCard(withCheckChar('11010119900001123'), NOW)).toBe(false); // month 0
    expect(isMainlandIdCard(withCheckChar('11010119900100123'), NOW)).toBe(false); // day 0
    expect(isMainlandIdCard(withCheckChar('11010119900431123'), NOW)).toBe(false); // 31 Apr
  });

  it('rejects birth dates before 1900 or in the future (China date)', () => {
    expect(isMainlandIdCard(withCheckChar('11010118991231123'), NOW)).toBe(false);
    expect(isMainlandIdCard(withCheckChar('11010120250615123'), NOW)).toBe(true); // born today
    expect(isMainlandIdCard(withCheckChar('11010120250616123'), NOW)).toBe(false); // tomorrow
    expect(isMainlandIdCard(withCheckChar('11010120260101123'), NOW)).toBe(false); // next year
    // 2025-06-15T17:00Z is already 16 June in China.
    expect(isMainlandIdCard(withCheckChar('11010120250616123'), new Date('2025-06-15T17:00:00Z'))).toBe(true);
  });

  it('rejects wrong lengths, characters and types', () => {
    const valid = '11010519491231002X';
    expect(isMainlandIdCard(valid.slice(0, 17), NOW)).toBe(false);
    expect(isMainlandIdCard(`${valid}1`, NOW)).toBe(false);
    expect(isMainlandIdCard('110105194912310', NOW)).toBe(false); // old 15-digit format
    expect(isMainlandIdCard(' 11010519491231002X', NOW)).toBe(false);
    expect(isMainlandIdCard('1101051949123100X2', NOW)).toBe(false); // X only allowed last
    expect(isMainlandIdCard('11010519491231002Y', NOW)).toBe(false);
    expect(isMainlandIdCard(11010519491231002, NOW)).toBe(false);
    expect(isMainlandIdCard(undefined, NOW)).toBe(false);
    expect(isMainlandIdCard(null, NOW)).toBe(false);
  });

  it('masks all but the region code and last four characters', () => {
    expect(maskIdCard('110101199003071234')).toBe('110101********1234');
    expect(maskIdCard('11010519491231002x')).toBe('110105********002X');
    expect(maskIdCard('12345')).toBe('*****');
  });
});

describe('VINs', () => {
  it('accepts 17 upper-case letters and digits without I, O, Q', () => {
    expect(isVin('LSVAU2180N2183294')).toBe(true);
    expect(isVin('1HGCM82633A004352')).toBe(true);
    // The North-American check digit (position 9) is not enforced: 'X' is wrong here for 1HGCM…
    expect(isVin('1HGCM826X3A004352')).toBe(true);
  });

  it('rejects I, O and Q', () => {
    expect(isVin('LSVAU2180N218329I')).toBe(false);
    expect(isVin('LSVAU2180N218329O')).toBe(false);
    expect(isVin('LSVAU2180N218329Q')).toBe(false);
  });

  it('rejects wrong lengths, lower case, symbols and non-strings', () => {
    expect(isVin('LSVAU2180N218329')).toBe(false);
    expect(isVin('LSVAU2180N21832945')).toBe(false);
    expect(isVin('lsvau2180n2183294')).toBe(false);
    expect(isVin('LSVAU2180N-183294')).toBe(false);
    expect(isVin('')).toBe(false);
    expect(isVin(undefined)).toBe(false);
  });

  it('normalises case and surrounding space', () => {
    expect(normalizeVin('  lsvau2180n2183294 ')).toBe('LSVAU2180N2183294');
    expect(isVin(normalizeVin('  lsvau2180n2183294 '))).toBe(true);
  });
});

describe('mainland plates', () => {
  it('accepts ordinary plates', () => {
    for (const plate of ['沪A12345', '京N8P8F8', '粤BD1234', '川A0000Z', '琼E12345', '藏AB1234']) {
      expect({ plate, ok: isMainlandPlate(plate) }).toEqual({ plate, ok: true });
    }
  });

  it('accepts new-energy plates', () => {
    for (const plate of ['沪AD12345', '沪AF12345', '京ADA1234', '粤BDF1234', '苏E12345D', '浙A12345F']) {
      expect({ plate, ok: isMainlandPlate(plate) }).toEqual({ plate, ok: true });
    }
  });

  it('accepts special-purpose suffixes', () => {
    for (const plate of ['沪A1234学', '京A0001警', '鲁B1234挂', '粤Z1234港', '粤Z1234澳']) {
      expect({ plate, ok: isMainlandPlate(plate) }).toEqual({ plate, ok: true });
    }
  });

  it('rejects invalid plates', () => {
    for (const plate of [
      'A12345', // no province
      '港A12345', // not a mainland province abbreviation
      '台A12345',
      '沪12345', // no issuing-authority letter
      '沪1A2345',
      '沪I12345', // I / O never used as authority letter
      '沪O12345',
      '沪A1234', // too short
      '沪A',
      '沪A123456', // 6 digits: neither ordinary nor new energy
      '沪AA12345', // 6 characters not starting with D/F
      '沪AD1234A', // new energy needs 4 digits after D/F + one
      '沪A1234D5',
      '沪A12O45', // O inside
      '沪a12345', // not normalised
      '沪A·12345',
      '沪A123学', // special suffix needs 4 characters before it
      '',
    ]) {
      expect({ plate, ok: isMainlandPlate(plate) }).toEqual({ plate, ok: false });
    }
    expect(isMainlandPlate(undefined)).toBe(false);
    expect(isMainlandPlate(12345)).toBe(false);
  });

  it('normalises spaces, dots, dashes and case', () => {
    expect(normalizePlate(' 沪a·12345 ')).toBe('沪A12345');
    expect(normalizePlate('沪A-D1234 5')).toBe('沪AD12345');
    expect(normalizePlate('粤B•12345')).toBe('粤B12345');
    expect(normalizePlate('京A\u300012345')).toBe('京A12345'); // full-width space
    expect(isMainlandPlate(normalizePlate(' 沪ad·12345'))).toBe(true);
  });
});

describe('mobile masking', () => {
  it('keeps the first three and last four digits', () => {
    expect(maskMobile('13812345678')).toBe('138****5678');
    expect(maskMobile('1234567')).toBe('*******');
  });
});

describe('decorators', () => {
  class VehicleOwnerDto {
    @IsMainlandIdCard()
    idCard!: string;

    @IsVin()
    vin!: string;

    @IsMainlandPlate()
    plate!: string;
  }

  function errorsFor(values: Partial<VehicleOwnerDto>): Record<string, string[]> {
    const dto = Object.assign(new VehicleOwnerDto(), values);
    return Object.fromEntries(validateSync(dto).map((e) => [e.property, Object.values(e.constraints ?? {})]));
  }

  it('passes valid values', () => {
    expect(errorsFor({ idCard: '11010519491231002X', vin: 'LSVAU2180N2183294', plate: '沪AD12345' })).toEqual(
      {},
    );
  });

  it('reports each invalid field with its message', () => {
    expect(errorsFor({ idCard: '110105194912310021', vin: 'LSVAU2180N218329O', plate: '沪A1234' })).toEqual({
      idCard: ['must be a valid 18-digit ID card number (checksum)'],
      vin: ['must be 17 characters, letters and digits without I, O, Q'],
      plate: ['must be a mainland plate number, e.g. 沪A12345 or 沪AD12345'],
    });
  });
});
