import { maintenanceDue } from './maintenance-schedule';

const interval = { km: 5000, months: 6 };
const none = { purchaseDate: null, mileage: null, lastServiceAt: null, lastServiceMileage: null, previousServiceAt: null, previousServiceMileage: null };

describe('maintenance schedule', () => {
  it('counts a new car from its purchase date and zero km', () => {
    expect(maintenanceDue({ ...none, purchaseDate: '2026-01-31', mileage: 12 }, interval, '2026-11-22', 'Asia/Shanghai')).toEqual({
      avgDailyKm: null,
      nextServiceDueDate: '2026-07-31',
      nextServiceDueMileage: 5012,
    });
  });

  it('is due by date when the car is driven little', () => {
    const due = maintenanceDue(
      {
        ...none,
        previousServiceAt: new Date('2026-01-01T02:00:00Z'),
        previousServiceMileage: 10000,
        lastServiceAt: new Date('2026-05-01T02:00:00Z'),
        lastServiceMileage: 12000,
      },
      interval,
      '2026-11-22',
      'Asia/Shanghai',
    );
    expect(due.avgDailyKm).toBeCloseTo(16.67, 2);
    expect(due).toMatchObject({ nextServiceDueDate: '2026-11-01', nextServiceDueMileage: 17000 });
  });

  it('is due earlier by predicted mileage when the car is driven a lot', () => {
    const due = maintenanceDue(
      {
        ...none,
        previousServiceAt: new Date('2026-01-01T02:00:00Z'),
        previousServiceMileage: 10000,
        lastServiceAt: new Date('2026-03-02T02:00:00Z'),
        lastServiceMileage: 16000,
      },
      interval,
      '2026-11-22',
      'Asia/Shanghai',
    );
    expect(due.avgDailyKm).toBe(100);
    expect(due).toMatchObject({ nextServiceDueDate: '2026-04-21', nextServiceDueMileage: 21000 });
  });
});
