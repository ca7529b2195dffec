import type { ResourceOverride } from './types';

/** A car is known by its plate; the VIN names one that has none yet. */
export const vehicles: ResourceOverride = {
  listFields: [
    'plateNumber',
    'vin',
    'brand',
    'series',
    'model',
    'memberId',
    'mileage',
    'nextServiceDueDate',
    'insuranceExpiryDate',
  ],
  recordRepresentation: (record) => String(record.plateNumber ?? record.vin),
};
