import { gql } from '@apollo/client';

/** Complaint operations of the workbench, as in the public contract (service.graphql). */
export const COMPLAINT_CORE = gql`
  fragment ComplaintCore on Complaint {
    id
    ticketNo
    memberId
    dealershipId
    vehicleId
    transactionId
    category
    priority
    channel
    status
    subject
    description
    assigneeId
    acknowledgeDueAt
    resolveDueAt
    acknowledgedAt
    resolvedAt
    closedAt
    outcome
    resolution
    satisfaction
    escalationLevel
    overdue
    createdAt
    updatedAt
  }
`;

const QUEUE_ITEM = gql`
  fragment ComplaintQueueItem on Complaint {
    id
    ticketNo
    category
    priority
    status
    subject
    acknowledgeDueAt
    resolveDueAt
    overdue
    escalationLevel
    createdAt
    member {
      id
      name
    }
    assignee {
      id
      name
    }
  }
`;

/** The open work in one request: overdue first, then each open status by resolution due time. */
export const COMPLAINT_QUEUE = gql`
  query ComplaintQueue(
    $overdue: ComplaintFilter
    $open: ComplaintFilter
    $acknowledged: ComplaintFilter
    $inProgress: ComplaintFilter
    $resolved: ComplaintFilter
    $page: PageInput
  ) {
    overdue: complaints(filter: $overdue, sort: [{ field: RESOLVE_DUE_AT, order: ASC }], page: $page) {
      items {
        ...ComplaintQueueItem
      }
      total
    }
    open: complaints(filter: $open, sort: [{ field: RESOLVE_DUE_AT, order: ASC }], page: $page) {
      items {
        ...ComplaintQueueItem
      }
      total
    }
    acknowledged: complaints(
      filter: $acknowledged
      sort: [{ field: RESOLVE_DUE_AT, order: ASC }]
      page: $page
    ) {
      items {
        ...ComplaintQueueItem
      }
      total
    }
    inProgress: complaints(filter: $inProgress, sort: [{ field: RESOLVE_DUE_AT, order: ASC }], page: $page) {
      items {
        ...ComplaintQueueItem
      }
      total
    }
    resolved: complaints(filter: $resolved, sort: [{ field: RESOLVE_DUE_AT, order: ASC }], page: $page) {
      items {
        ...ComplaintQueueItem
      }
      total
    }
  }
  ${QUEUE_ITEM}
`;

export const COMPLAINT = gql`
  query Complaint($id: ID!) {
    complaint(id: $id) {
      ...ComplaintCore
      member {
        id
        name
        memberNo
        phone
      }
      dealership {
        id
        name
      }
      assignee {
        id
        name
      }
      events {
        id
        type
        note
        actorId
        actorName
        fromStatus
        toStatus
        createdAt
      }
    }
  }
  ${COMPLAINT_CORE}
`;

export const ACKNOWLEDGE = gql`
  mutation AcknowledgeComplaint($id: ID!) {
    acknowledgeComplaint(id: $id) {
      id
      status
      acknowledgedAt
    }
  }
`;
export const ASSIGN = gql`
  mutation AssignComplaint($input: AssignComplaintInput!) {
    assignComplaint(input: $input) {
      id
      status
      assigneeId
    }
  }
`;
export const ADD_NOTE = gql`
  mutation AddComplaintNote($input: AddComplaintNoteInput!) {
    addComplaintNote(input: $input) {
      id
      events {
        id
        type
        note
      }
    }
  }
`;
export const RESOLVE = gql`
  mutation ResolveComplaint($input: ResolveComplaintInput!) {
    resolveComplaint(input: $input) {
      id
      status
      outcome
      resolution
      resolvedAt
    }
  }
`;
export const CLOSE = gql`
  mutation CloseComplaint($input: CloseComplaintInput!) {
    closeComplaint(input: $input) {
      id
      status
      satisfaction
      closedAt
    }
  }
`;
export const REOPEN = gql`
  mutation ReopenComplaint($input: ReopenComplaintInput!) {
    reopenComplaint(input: $input) {
      id
      status
    }
  }
`;

export const HANDLERS = gql`
  query StaffUsers($filter: StaffUserFilter, $sort: [StaffUserSort!], $page: PageInput) {
    staffUsers(filter: $filter, sort: $sort, page: $page) {
      items {
        id
        username
        name
        role
        dealershipId
        dealership {
          id
          name
        }
        active
        createdAt
      }
      total
    }
  }
`;

/** Queries to reload after any step, by operation name. */
export const AFTER_STEP = ['ComplaintQueue', 'Complaint'];

export interface QueueItem {
  id: string;
  ticketNo: string;
  category: string;
  priority: string;
  status: string;
  subject: string;
  acknowledgeDueAt: string;
  resolveDueAt: string;
  overdue: boolean;
  escalationLevel: number;
  createdAt: string;
  member: { id: string; name: string } | null;
  assignee: { id: string; name: string } | null;
}

export interface ComplaintDetail extends QueueItem {
  channel: string;
  description: string | null;
  assigneeId: string | null;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  outcome: string | null;
  resolution: string | null;
  satisfaction: number | null;
  member: { id: string; name: string; memberNo: string; phone: string } | null;
  dealership: { id: string; name: string } | null;
  events: {
    id: string;
    type: string;
    note: string | null;
    actorName: string | null;
    fromStatus: string | null;
    toStatus: string | null;
    createdAt: string;
  }[];
}
