import type { Faker } from '@faker-js/faker';
import { idCardCheckChar } from '../../backend/src/common/validation/identity';
import { CarModel, CityProfile, MOBILE_PREFIXES } from './catalogue';

/**
 * Valid, unique identities for demo people and cars: mobiles, ID-card numbers with their checksum,
 * VINs with their check digit, plates of the right city. Each generator draws from the seeded faker.
 */
export class IdentityFactory {
  private readonly phones = new Set<string>();
  private readonly plates = new Set<string>();
  private readonly vins = new Set<string>();
  private readonly idNumbers = new Set<string>();

  constructor(private readonly faker: Faker) {}

  /** A mainland mobile (1[3-9]xxxxxxxxx) not handed out before. */
  mobile(): string {
    for (;;) {
      const phone = this.faker.helpers.arrayElement(MOBILE_PREFIXES) + this.faker.string.numeric(8);
      if (!this.phones.has(phone)) {
        this.phones.add(phone);
        return phone;
      }
    }
  }

  /** 18-character ID-card number: region, birth date, sequence (odd for men), MOD 11-2 check character. */
  idNumber(region: string, birthday: string, male: boolean): string {
    for (;;) {
      const sequence =
        this.faker.string.numeric(2) +
        String(this.faker.helpers.arrayElement(male ? [1, 3, 5, 7, 9] : [0, 2, 4, 6, 8]));
      const first17 = `${region}${birthday.replace(/-/g, '')}${sequence}`;
      const id = first17 + idCardCheckChar(first17);
      if (!this.idNumbers.has(id)) {
        this.idNumbers.add(id);
        return id;
      }
    }
  }

  /**
   * A plate of the city: 沪A·3K8D2 style for petrol cars, the green new-energy format for electric
   * (D, 沪AD12345) and plug-in hybrid (F, 沪AF12345) cars.
   */
  plate(city: CityProfile, model: CarModel): string {
    const letters = 'ABCDEFGHJKLMNPRSTUVWXYZ';
    for (;;) {
      const prefix = city.province + this.faker.helpers.arrayElement([...city.plateLetters]);
      let body: string;
      if (model.energy === 'ICE') {
        const chars = [...this.faker.string.numeric(5)];
        const letterCount = this.faker.helpers.weightedArrayElement([
          { value: 0, weight: 5 },
          { value: 1, weight: 4 },
          { value: 2, weight: 2 },
        ]);
        for (const position of this.faker.helpers.arrayElements([0, 1, 2, 3, 4], letterCount))
          chars[position] = this.faker.helpers.arrayElement([...letters]);
        body = chars.join('');
      } else {
        const second = this.faker.datatype.boolean(0.3)
          ? this.faker.helpers.arrayElement([...letters])
          : this.faker.string.numeric(1);
        body = (model.energy === 'EV' ? 'D' : 'F') + second + this.faker.string.numeric(4);
      }
      const plate = prefix + body;
      if (!this.plates.has(plate)) {
        this.plates.add(plate);
        return plate;
      }
    }
  }

  /** A VIN of the model's Chinese joint venture: WMI, descriptor, check digit, model year, plant, serial. */
  vin(model: CarModel, modelYear: number): string {
    for (;;) {
      const serial = this.faker.string.numeric(6);
      const draft = `${model.wmi}${model.vds}0${modelYearCode(modelYear)}${model.plant}${serial}`;
      const vin = draft.slice(0, 8) + vinCheckDigit(draft) + draft.slice(9);
      if (!this.vins.has(vin)) {
        this.vins.add(vin);
        return vin;
      }
    }
  }
}

/** The model-year character (VIN position 10): 2010 = A … 2030 = Y, skipping I, O, Q, U, Z. */
export function modelYearCode(year: number): string {
  const codes = 'ABCDEFGHJKLMNPRSTVWXY';
  return codes[(((year - 2010) % codes.length) + codes.length) % codes.length];
}

const VIN_VALUES: Record<string, number> = {
  A: 1,
  B: 2,
  C: 3,
  D: 4,
  E: 5,
  F: 6,
  G: 7,
  H: 8,
  J: 1,
  K: 2,
  L: 3,
  M: 4,
  N: 5,
  P: 7,
  R: 9,
  S: 2,
  T: 3,
  U: 4,
  V: 5,
  W: 6,
  X: 7,
  Y: 8,
  Z: 9,
};
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** ISO 3779 / GB 16735 check digit of a 17-character VIN (position 9), 0–9 or X. */
export function vinCheckDigit(vin: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = vin[i];
    sum += (/\d/.test(c) ? Number(c) : VIN_VALUES[c]) * VIN_WEIGHTS[i];
  }
  const remainder = sum % 11;
  return remainder === 10 ? 'X' : String(remainder);
}
