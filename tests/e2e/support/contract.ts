/** The operations of the public contract used by the tests, verbatim where the contract defines them. */
export const LOGIN = `mutation Login($input: LoginInput!) {
  login(input: $input) { token expiresAt staff { id username name role dealershipId } }
}`;
export const ME = `query Me { me { id username name role dealershipId dealership { id name } active } }`;
export const CREATE_API_CLIENT = `mutation CreateApiClient($input: CreateApiClientInput!) {
  createApiClient(input: $input) { apiKey client { id name scopes active createdAt } }
}`;
export const API_CLIENTS = `query ApiClients($page: PageInput) {
  apiClients(page: $page) { items { id name scopes active createdAt lastUsedAt } total }
}`;
export const REVOKE_API_CLIENT = `mutation RevokeApiClient($id: ID!) { revokeApiClient(id: $id) { id active } }`;

export const DEALERSHIPS = `query Dealerships($filter: DealershipFilter, $sort: [DealershipSort!], $page: PageInput) {
  dealerships(filter: $filter, sort: $sort, page: $page) {
    items { id code name brand city address phone active createdAt updatedAt }
    total
  }
}`;
export const DEALERSHIP = `query Dealership($id: ID!) { dealership(id: $id) { id code name brand city address phone active } }`;
export const CREATE_DEALERSHIP = `mutation CreateDealership($input: CreateDealershipInput!) {
  createDealership(input: $input) { id code name brand city active }
}`;
export const UPDATE_DEALERSHIP = `mutation UpdateDealership($id: ID!, $input: UpdateDealershipInput!) {
  updateDealership(id: $id, input: $input) { id code name brand city address phone active }
}`;
export const DELETE_DEALERSHIP = `mutation DeleteDealership($id: ID!) { deleteDealership(id: $id) { id code } }`;
export const STAFF_USERS = `query StaffUsers($filter: StaffUserFilter, $sort: [StaffUserSort!], $page: PageInput) {
  staffUsers(filter: $filter, sort: $sort, page: $page) {
    items { id username name role dealershipId dealership { id name } active createdAt }
    total
  }
}`;
export const CREATE_STAFF_USER = `mutation CreateStaffUser($input: CreateStaffUserInput!) {
  createStaffUser(input: $input) { id username name role dealershipId active }
}`;
export const UPDATE_STAFF_USER = `mutation UpdateStaffUser($id: ID!, $input: UpdateStaffUserInput!) {
  updateStaffUser(id: $id, input: $input) { id username name role dealershipId active }
}`;
export const AUDIT_LOGS = `query AuditLogs($filter: AuditLogFilter, $sort: [AuditLogSort!], $page: PageInput) {
  auditLogs(filter: $filter, sort: $sort, page: $page) {
    items { id actorType actorId actorName action entityType entityId before after createdAt }
    total
  }
}`;

// ops.graphql
export const JOBS = `query Jobs {
  jobs { name schedule enabled nextRunAt lastRun { id status startedAt finishedAt processed affected } }
}`;

export const RUN_JOB = `mutation RunJob($input: RunJobInput!) {
  runJob(input: $input) { id job status asOf startedAt finishedAt processed affected error }
}`;

export const JOB_RUNS = `query JobRuns($filter: JobRunFilter, $sort: [JobRunSort!], $page: PageInput) {
  jobRuns(filter: $filter, sort: $sort, page: $page) {
    items { id job status asOf startedAt finishedAt processed affected error instance }
    total
  }
}`;

export const NOTIFICATIONS = `query Notifications($filter: NotificationFilter, $sort: [NotificationSort!], $page: PageInput) {
  notifications(filter: $filter, sort: $sort, page: $page) {
    items { id memberId channel template status dedupeKey body scheduledAt sentAt attempts error createdAt }
    total
  }
}`;
