import { gql } from '@apollo/client';

/** The contract's Dashboard operation (insights.graphql), with tier names for the chart. */
export const DASHBOARD = gql`
  query Dashboard($filter: DashboardFilter!) {
    dashboard(filter: $filter) {
      totalMembers
      newMembers
      memberGrowthRate
      activeMembers30d
      activeRate
      highValueRatio
      pointsIssued
      pointsRedeemed
      pointsExpired
      activityParticipationRate
      complaintCount
      complaintResolutionRate
      avgHoursToResolve
      overdueComplaints
      followUpCompletionRate
      avgSatisfaction
      storedValueBalance
      tierDistribution {
        tierId
        tier {
          code
          name
        }
        count
      }
      newMembersByDay {
        date
        count
      }
      segments {
        segment
        count
      }
    }
  }
`;

/** Complaint figures of the same period for the resolution chart (service.graphql ComplaintStats). */
export const COMPLAINT_STATS = gql`
  query ComplaintStats($from: DateTime!, $to: DateTime!, $dealershipId: ID) {
    complaintStats(from: $from, to: $to, dealershipId: $dealershipId) {
      total
      open
      overdue
      resolved
      resolutionRate
      avgHoursToAcknowledge
      avgHoursToResolve
      avgSatisfaction
      byCategory {
        category
        count
      }
    }
  }
`;

export interface Dashboard {
  totalMembers: number;
  newMembers: number;
  memberGrowthRate: number;
  activeMembers30d: number;
  activeRate: number;
  highValueRatio: number;
  pointsIssued: number;
  pointsRedeemed: number;
  pointsExpired: number;
  activityParticipationRate: number;
  complaintCount: number;
  complaintResolutionRate: number;
  avgHoursToResolve: number | null;
  overdueComplaints: number;
  followUpCompletionRate: number;
  avgSatisfaction: number | null;
  storedValueBalance: number;
  tierDistribution: { tierId: string; tier: { code: string; name: string }; count: number }[];
  newMembersByDay: { date: string; count: number }[];
  segments: { segment: string; count: number }[];
}

export interface ComplaintStats {
  total: number;
  open: number;
  overdue: number;
  resolved: number;
  resolutionRate: number;
  avgHoursToAcknowledge: number | null;
  avgHoursToResolve: number | null;
  avgSatisfaction: number | null;
  byCategory: { category: string; count: number }[];
}
