import { gql } from '@apollo/client';

/** The whole member on one screen: the contract's Member360 operation (service.graphql). */
export const MEMBER_360 = gql`
  query Member360($id: ID!) {
    member(id: $id) {
      id
      memberNo
      name
      phone
      gender
      birthday
      city
      status
      tier {
        code
        name
      }
      tierReviewAt
      pointsBalance
      qualifyingPoints
      totalSpend
      segment
      marketingConsent
      lastTransactionAt
      createdAt
      homeDealership {
        id
        name
      }
      vehicles {
        id
        vin
        plateNumber
        brand
        model
        nextServiceDueDate
      }
      cards {
        id
        cardNo
        type
        status
        balance
        remainingUses
      }
      benefits {
        id
        benefitId
        benefit {
          code
          name
        }
        quota
        used
        remaining
        periodEnd
        status
      }
      expiringPoints(withinDays: 30)
      pointsEntries(page: { page: 1, perPage: 20 }) {
        items {
          id
          type
          points
          balanceAfter
          reason
          createdAt
        }
        total
      }
    }
    complaints(filter: { memberId: $id }, page: { page: 1, perPage: 20 }) {
      items {
        id
        ticketNo
        status
        category
        createdAt
      }
      total
    }
    followUps(filter: { memberId: $id }, page: { page: 1, perPage: 20 }) {
      items {
        id
        kind
        status
        dueAt
      }
      total
    }
    transactions(filter: { memberId: $id }, page: { page: 1, perPage: 20 }) {
      items {
        id
        type
        amount
        occurredAt
        pointsEarned
      }
      total
    }
  }
`;

type Page<T> = { items: T[]; total: number };

export interface Member360Data {
  member: {
    id: string;
    memberNo: string;
    name: string;
    phone: string;
    gender: string | null;
    birthday: string | null;
    city: string | null;
    status: string;
    tier: { code: string; name: string };
    tierReviewAt: string | null;
    pointsBalance: number;
    qualifyingPoints: number;
    totalSpend: number;
    segment: string | null;
    marketingConsent: boolean;
    lastTransactionAt: string | null;
    createdAt: string;
    homeDealership: { id: string; name: string } | null;
    vehicles: {
      id: string;
      vin: string;
      plateNumber: string | null;
      brand: string | null;
      model: string | null;
      nextServiceDueDate: string | null;
    }[];
    cards: {
      id: string;
      cardNo: string;
      type: string;
      status: string;
      balance: number;
      remainingUses: number | null;
    }[];
    benefits: {
      id: string;
      benefit: { code: string; name: string };
      quota: number;
      used: number;
      remaining: number;
      periodEnd: string;
      status: string;
    }[];
    expiringPoints: number;
    pointsEntries: Page<{
      id: string;
      type: string;
      points: number;
      balanceAfter: number;
      reason: string | null;
      createdAt: string;
    }>;
  } | null;
  complaints: Page<{ id: string; ticketNo: string; status: string; category: string; createdAt: string }>;
  followUps: Page<{ id: string; kind: string; status: string; dueAt: string }>;
  transactions: Page<{ id: string; type: string; amount: number; occurredAt: string; pointsEarned: number }>;
}
