import { gql } from '@apollo/client';

/** Activity operations of the editor and the stats, as in the public contract (marketing.graphql). */
export const ACTIVITY_CORE = gql`
  fragment ActivityCore on Activity {
    id
    name
    description
    type
    status
    announceAt
    startsAt
    endsAt
    eligibleTierIds
    dealershipIds
    transactionTypes
    minAmount
    multiplier
    bonusPoints
    rewardPoints
    capacity
    budgetPoints
    fixedCost
    pointsIssued
    createdAt
    updatedAt
  }
`;

export const ACTIVITY_STATS_FIELDS = gql`
  fragment ActivityStatsFields on ActivityStats {
    eligibleMembers
    registered
    checkedIn
    participants
    participationRate
    pointsIssued
    revenue
    cost
    roi
  }
`;

export const ACTIVITIES = gql`
  query Activities($filter: ActivityFilter, $sort: [ActivitySort!], $page: PageInput) {
    activities(filter: $filter, sort: $sort, page: $page) {
      items {
        ...ActivityCore
      }
      total
    }
  }
  ${ACTIVITY_CORE}
`;

export const ACTIVITIES_WITH_STATS = gql`
  query ActivitiesWithStats($filter: ActivityFilter, $sort: [ActivitySort!], $page: PageInput) {
    activities(filter: $filter, sort: $sort, page: $page) {
      items {
        ...ActivityCore
        stats {
          ...ActivityStatsFields
        }
      }
      total
    }
  }
  ${ACTIVITY_CORE}
  ${ACTIVITY_STATS_FIELDS}
`;

export const ACTIVITY = gql`
  query Activity($id: ID!) {
    activity(id: $id) {
      ...ActivityCore
      eligibleTiers {
        id
        code
        name
      }
      dealerships {
        id
        name
      }
      stats {
        ...ActivityStatsFields
      }
    }
  }
  ${ACTIVITY_CORE}
  ${ACTIVITY_STATS_FIELDS}
`;

export const CREATE_ACTIVITY = gql`
  mutation CreateActivity($input: CreateActivityInput!) {
    createActivity(input: $input) {
      ...ActivityCore
    }
  }
  ${ACTIVITY_CORE}
`;

export const UPDATE_ACTIVITY = gql`
  mutation UpdateActivity($id: ID!, $input: UpdateActivityInput!) {
    updateActivity(id: $id, input: $input) {
      ...ActivityCore
    }
  }
  ${ACTIVITY_CORE}
`;

export const PREVIEW_ACTIVITY = gql`
  query PreviewActivity($input: CreateActivityInput!) {
    previewActivity(input: $input) {
      eligibleMembers
      matchingTransactions
      expectedPoints
      expectedCost
      exceedsBudget
    }
  }
`;

export const PUBLISH_ACTIVITY = gql`
  mutation PublishActivity($id: ID!) {
    publishActivity(id: $id) {
      id
      status
    }
  }
`;

export const TIERS = gql`
  query Tiers($filter: TierFilter, $sort: [TierSort!], $page: PageInput) {
    tiers(filter: $filter, sort: $sort, page: $page) {
      items {
        id
        code
        name
        rank
      }
      total
    }
  }
`;

export interface Activity {
  id: string;
  name: string;
  description: string | null;
  type: string;
  status: string;
  announceAt: string | null;
  startsAt: string;
  endsAt: string;
  eligibleTierIds: string[];
  dealershipIds: string[];
  transactionTypes: string[];
  minAmount: number | null;
  multiplier: number | null;
  bonusPoints: number | null;
  rewardPoints: number | null;
  capacity: number | null;
  budgetPoints: number | null;
  fixedCost: number | null;
  pointsIssued: number;
  updatedAt: string;
}

export interface ActivityStats {
  eligibleMembers: number;
  registered: number;
  checkedIn: number;
  participants: number;
  participationRate: number;
  pointsIssued: number;
  revenue: number;
  cost: number;
  roi: number | null;
}

export interface ActivityPreview {
  eligibleMembers: number;
  matchingTransactions: number;
  expectedPoints: number;
  expectedCost: number;
  exceedsBudget: boolean;
}
