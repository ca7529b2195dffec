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

// ---- members.graphql, transactions.graphql and the member app (login) ----
export const MEMBER_CORE_FRAGMENT = `fragment MemberCore on Member {
  id memberNo name phone gender birthday email city idNumberMasked status channel
  homeDealershipId tierId tier { id code name } tierAchievedAt tierReviewAt
  pointsBalance lifetimePoints qualifyingPoints totalSpend referralCode referredById
  marketingConsent segment activatedAt lastTransactionAt createdAt updatedAt
}`;
export const MEMBERS = `query Members($filter: MemberFilter, $sort: [MemberSort!], $page: PageInput) {
  members(filter: $filter, sort: $sort, page: $page) {
    items { ...MemberCore homeDealership { id name } }
    total
  }
}
${MEMBER_CORE_FRAGMENT}`;
export const MEMBER = `query Member($id: ID!) {
  member(id: $id) {
    ...MemberCore
    homeDealership { id name }
    vehicles { id vin plateNumber brand model nextServiceDueDate }
    expiringPoints(withinDays: 30)
  }
}
${MEMBER_CORE_FRAGMENT}`;
export const CREATE_MEMBER = `mutation CreateMember($input: CreateMemberInput!) {
  createMember(input: $input) { ...MemberCore vehicles { id vin plateNumber } }
}
${MEMBER_CORE_FRAGMENT}`;
export const REGISTER_MEMBER = `mutation RegisterMember($input: RegisterMemberInput!) {
  registerMember(input: $input) { id memberNo status channel referredById }
}`;
export const SEND_ACTIVATION_CODE = `mutation SendActivationCode($memberId: ID!) {
  sendActivationCode(memberId: $memberId)
}`;
export const ACTIVATE_MEMBER = `mutation ActivateMember($input: ActivateMemberInput!) {
  activateMember(input: $input) { id status activatedAt }
}`;
export const UPDATE_MEMBER = `mutation UpdateMember($id: ID!, $input: UpdateMemberInput!) {
  updateMember(id: $id, input: $input) { ...MemberCore }
}
${MEMBER_CORE_FRAGMENT}`;
export const SET_MEMBER_STATUS = `mutation SetMemberStatus($input: SetMemberStatusInput!) {
  setMemberStatus(input: $input) { id status }
}`;
export const SET_MEMBER_TIER = `mutation SetMemberTier($input: SetMemberTierInput!) {
  setMemberTier(input: $input) { id tierId tier { code } tierAchievedAt tierReviewAt }
}`;
export const ERASE_MEMBER = `mutation EraseMember($input: EraseMemberInput!) {
  eraseMember(input: $input) { id name phone idNumberMasked status }
}`;
export const TIER_CHANGES = `query TierChanges($filter: TierChangeFilter, $sort: [TierChangeSort!], $page: PageInput) {
  tierChanges(filter: $filter, sort: $sort, page: $page) {
    items { id memberId fromTierId toTierId fromTier { code } toTier { code } reason note createdAt }
    total
  }
}`;
export const VEHICLES = `query Vehicles($filter: VehicleFilter, $sort: [VehicleSort!], $page: PageInput) {
  vehicles(filter: $filter, sort: $sort, page: $page) {
    items {
      id memberId member { id name } vin plateNumber brand model series color purchaseDate purchasePrice
      mileage lastServiceAt lastServiceMileage avgDailyKm nextServiceDueDate nextServiceDueMileage
      inspectionDueDate insuranceExpiryDate dealershipId createdAt
    }
    total
  }
}`;
export const CREATE_VEHICLE = `mutation CreateVehicle($input: CreateVehicleInput!) {
  createVehicle(input: $input) { id memberId vin plateNumber nextServiceDueDate }
}`;
export const UPDATE_VEHICLE = `mutation UpdateVehicle($id: ID!, $input: UpdateVehicleInput!) {
  updateVehicle(id: $id, input: $input) { id plateNumber mileage inspectionDueDate insuranceExpiryDate }
}`;
export const DELETE_VEHICLE = `mutation DeleteVehicle($id: ID!) {
  deleteVehicle(id: $id) { id }
}`;
export const PLATE_LOOKUP = `query PlateLookup($plate: String!) {
  plateLookup(plate: $plate) { plateNumber vehicleId memberId member { id name tier { code } } visitCount lastVisitAt }
}`;
export const TIERS = `query Tiers($filter: TierFilter, $sort: [TierSort!], $page: PageInput) {
  tiers(filter: $filter, sort: $sort, page: $page) {
    items {
      id code name rank qualifyingPoints minSpend pointsMultiplier discountRate
      freeMaintenancePerYear description memberCount
    }
    total
  }
}`;
export const CREATE_TIER = `mutation CreateTier($input: CreateTierInput!) {
  createTier(input: $input) { id code name rank qualifyingPoints minSpend pointsMultiplier discountRate }
}`;
export const UPDATE_TIER = `mutation UpdateTier($id: ID!, $input: UpdateTierInput!) {
  updateTier(id: $id, input: $input) { id code name rank qualifyingPoints minSpend pointsMultiplier discountRate }
}`;
export const DELETE_TIER = `mutation DeleteTier($id: ID!) {
  deleteTier(id: $id) { id code }
}`;
export const RECORD_TRANSACTION = `mutation RecordTransaction($input: RecordTransactionInput!) {
  recordTransaction(input: $input) {
    id externalRef dealershipId memberId vehicleId plateNumber type amount occurredAt mileage
    pointsEarned status appliedActivities { id name }
  }
}`;
export const REVERSE_TRANSACTION = `mutation ReverseTransaction($input: ReverseTransactionInput!) {
  reverseTransaction(input: $input) { id status reversedAt reversalReason pointsEarned }
}`;
export const TRANSACTIONS = `query Transactions($filter: TransactionFilter, $sort: [TransactionSort!], $page: PageInput) {
  transactions(filter: $filter, sort: $sort, page: $page) {
    items {
      id externalRef dealershipId dealership { id name } memberId member { id name } vehicleId plateNumber
      type amount occurredAt mileage description pointsEarned status createdAt
    }
    total
  }
}`;
export const POINTS_ENTRIES = `query PointsEntries($filter: PointsEntryFilter, $sort: [PointsEntrySort!], $page: PageInput) {
  pointsEntries(filter: $filter, sort: $sort, page: $page) {
    items { id memberId type points balanceAfter reason sourceType sourceId expiresAt dealershipId operatorId createdAt }
    total
  }
}`;
export const REDEEM_POINTS = `mutation RedeemPoints($input: RedeemPointsInput!) {
  redeemPoints(input: $input) { id memberId type points balanceAfter reason createdAt }
}`;
export const ADJUST_POINTS = `mutation AdjustPoints($input: AdjustPointsInput!) {
  adjustPoints(input: $input) { id memberId type points balanceAfter reason operatorId createdAt }
}`;
export const REQUEST_MEMBER_LOGIN_CODE = `mutation RequestMemberLoginCode($input: RequestMemberLoginCodeInput!) {
  requestMemberLoginCode(input: $input)
}`;
export const MEMBER_LOGIN = `mutation MemberLogin($input: MemberLoginInput!) {
  memberLogin(input: $input) {
    token
    expiresAt
    member { id memberNo name }
  }
}`;
/** The member app's Viewer, without the cards and benefits that later modules add. */
export const VIEWER_CORE = `query Viewer {
  viewer {
    id memberNo name phone status tier { code name } pointsBalance qualifyingPoints referralCode
    expiringPoints(withinDays: 30)
    vehicles { id plateNumber model nextServiceDueDate inspectionDueDate }
    pointsEntries(page: { page: 1, perPage: 20 }) { items { id type points balanceAfter reason createdAt } total }
  }
}`;

// ---- cards.graphql ----
export const CARD_CORE_FRAGMENT = `fragment CardCore on Card {
  id cardNo type status memberId dealershipId balance principalBalance bonusBalance
  remainingUses serviceName expiresAt replacedById createdAt
}`;
export const CARD_ENTRY_CORE_FRAGMENT = `fragment CardEntryCore on CardEntry {
  id cardId type amount principalAmount bonusAmount uses balanceAfter principalBalanceAfter
  bonusBalanceAfter remainingUsesAfter dealershipId operatorId paymentMethod note createdAt
}`;
export const CARDS = `query Cards($filter: CardFilter, $sort: [CardSort!], $page: PageInput) {
  cards(filter: $filter, sort: $sort, page: $page) {
    items { ...CardCore member { id name } dealership { id name } }
    total
  }
}
${CARD_CORE_FRAGMENT}`;
export const CARD = `query Card($id: ID!) {
  card(id: $id) {
    ...CardCore
    entries(page: { page: 1, perPage: 50 }) { items { ...CardEntryCore } total }
  }
}
${CARD_CORE_FRAGMENT}
${CARD_ENTRY_CORE_FRAGMENT}`;
export const CREATE_CARD = `mutation CreateCard($input: CreateCardInput!) {
  createCard(input: $input) { ...CardCore }
}
${CARD_CORE_FRAGMENT}`;
export const RECHARGE_CARD = `mutation RechargeCard($input: RechargeCardInput!) {
  rechargeCard(input: $input) { ...CardEntryCore }
}
${CARD_ENTRY_CORE_FRAGMENT}`;
export const CONSUME_CARD = `mutation ConsumeCard($input: ConsumeCardInput!) {
  consumeCard(input: $input) { ...CardEntryCore }
}
${CARD_ENTRY_CORE_FRAGMENT}`;
export const REFUND_CARD = `mutation RefundCard($input: RefundCardInput!) {
  refundCard(input: $input) { ...CardEntryCore card { id status } }
}
${CARD_ENTRY_CORE_FRAGMENT}`;
export const REPORT_CARD_LOST = `mutation ReportCardLost($input: ReportCardLostInput!) {
  reportCardLost(input: $input) { id status }
}`;
export const REPLACE_CARD = `mutation ReplaceCard($input: ReplaceCardInput!) {
  replaceCard(input: $input) { ...CardCore }
}
${CARD_CORE_FRAGMENT}`;
export const SET_CARD_FROZEN = `mutation SetCardFrozen($input: SetCardFrozenInput!) {
  setCardFrozen(input: $input) { id status }
}`;
export const CARD_ENTRIES = `query CardEntries($filter: CardEntryFilter, $sort: [CardEntrySort!], $page: PageInput) {
  cardEntries(filter: $filter, sort: $sort, page: $page) {
    items { ...CardEntryCore card { cardNo memberId } }
    total
  }
}
${CARD_ENTRY_CORE_FRAGMENT}`;
export const STORED_VALUE_LIABILITY = `query StoredValueLiability($asOf: DateTime, $dealershipId: ID) {
  storedValueLiability(asOf: $asOf, dealershipId: $dealershipId) {
    asOf totalBalance principalBalance bonusBalance cardCount
    byDealership { dealershipId dealership { name } balance principalBalance bonusBalance cardCount }
  }
}`;
export const STORED_VALUE_MOVEMENTS = `query StoredValueMovements($from: DateTime!, $to: DateTime!, $dealershipId: ID) {
  storedValueMovements(from: $from, to: $to, dealershipId: $dealershipId) {
    recharged bonusGranted consumedPrincipal consumedBonus refunded forfeitedBonus
    days { date recharged bonusGranted consumed refunded }
  }
}`;
export const INTER_STORE_SETTLEMENT = `query InterStoreSettlement($from: DateTime!, $to: DateTime!) {
  interStoreSettlement(from: $from, to: $to) {
    issuingDealershipId issuingDealership { name } consumingDealershipId consumingDealership { name }
    principalAmount bonusAmount entryCount
  }
}`;
export const LEDGER_INTEGRITY = `query LedgerIntegrity {
  ledgerIntegrity {
    checkedAt membersChecked pointsMismatches cardsChecked cardMismatches
    mismatches { kind entityId expected actual }
  }
}`;

// ---- marketing.graphql and the rest of the member app ----
export const ACTIVITY_CORE_FRAGMENT = `fragment ActivityCore on Activity {
  id name description type status announceAt startsAt endsAt eligibleTierIds dealershipIds
  transactionTypes minAmount multiplier bonusPoints rewardPoints capacity budgetPoints fixedCost
  pointsIssued createdAt updatedAt
}`;
export const ACTIVITIES = `query Activities($filter: ActivityFilter, $sort: [ActivitySort!], $page: PageInput) {
  activities(filter: $filter, sort: $sort, page: $page) {
    items { ...ActivityCore }
    total
  }
}
${ACTIVITY_CORE_FRAGMENT}`;
export const ACTIVITY = `query Activity($id: ID!) {
  activity(id: $id) {
    ...ActivityCore
    eligibleTiers { id code }
    dealerships { id name }
    stats {
      eligibleMembers registered checkedIn participants participationRate pointsIssued
      revenue cost roi
    }
  }
}
${ACTIVITY_CORE_FRAGMENT}`;
export const CREATE_ACTIVITY = `mutation CreateActivity($input: CreateActivityInput!) {
  createActivity(input: $input) { ...ActivityCore }
}
${ACTIVITY_CORE_FRAGMENT}`;
export const UPDATE_ACTIVITY = `mutation UpdateActivity($id: ID!, $input: UpdateActivityInput!) {
  updateActivity(id: $id, input: $input) { ...ActivityCore }
}
${ACTIVITY_CORE_FRAGMENT}`;
export const DELETE_ACTIVITY = `mutation DeleteActivity($id: ID!) {
  deleteActivity(id: $id) { id }
}`;
export const PREVIEW_ACTIVITY = `query PreviewActivity($input: CreateActivityInput!) {
  previewActivity(input: $input) {
    eligibleMembers matchingTransactions expectedPoints expectedCost exceedsBudget
  }
}`;
export const PUBLISH_ACTIVITY = `mutation PublishActivity($id: ID!) {
  publishActivity(id: $id) { id status }
}`;
export const CANCEL_ACTIVITY = `mutation CancelActivity($input: CancelActivityInput!) {
  cancelActivity(input: $input) { id status }
}`;
export const REGISTER_FOR_ACTIVITY = `mutation RegisterForActivity($input: RegisterForActivityInput!) {
  registerForActivity(input: $input) { id activityId memberId status registeredAt }
}`;
export const CHECK_IN_PARTICIPANT = `mutation CheckInParticipant($input: CheckInParticipantInput!) {
  checkInParticipant(input: $input) { id status checkedInAt }
}`;
export const PARTICIPATIONS = `query Participations($filter: ActivityParticipationFilter, $sort: [ActivityParticipationSort!], $page: PageInput) {
  participations(filter: $filter, sort: $sort, page: $page) {
    items { id activityId memberId member { id name } status registeredAt checkedInAt rewardedPoints rewardedAt }
    total
  }
}`;
export const MEMBER_BENEFITS = `query MemberBenefits($filter: MemberBenefitFilter, $sort: [MemberBenefitSort!], $page: PageInput) {
  memberBenefits(filter: $filter, sort: $sort, page: $page) {
    items { id memberId benefitId benefit { code name type } quota used remaining periodStart periodEnd status }
    total
  }
}`;
export const REDEEM_BENEFIT = `mutation RedeemBenefit($input: RedeemBenefitInput!) {
  redeemBenefit(input: $input) {
    id memberBenefitId memberId dealershipId operatorId note createdAt
    memberBenefit { id used remaining status }
  }
}`;
export const BENEFIT_REDEMPTIONS = `query BenefitRedemptions($filter: BenefitRedemptionFilter, $sort: [BenefitRedemptionSort!], $page: PageInput) {
  benefitRedemptions(filter: $filter, sort: $sort, page: $page) {
    items { id memberBenefitId memberId dealershipId operatorId note createdAt }
    total
  }
}`;
export const REFERRALS = `query Referrals($filter: ReferralFilter, $sort: [ReferralSort!], $page: PageInput) {
  referrals(filter: $filter, sort: $sort, page: $page) {
    items { id referrerId refereeId referee { id name } status rewardPoints qualifiedAt rewardedAt createdAt }
    total
  }
}`;
export const BENEFITS = `query Benefits($filter: BenefitFilter, $sort: [BenefitSort!], $page: PageInput) {
  benefits(filter: $filter, sort: $sort, page: $page) {
    items { id code name description type period quota value tierIds tiers { id code } active }
    total
  }
}`;
export const CREATE_BENEFIT = `mutation CreateBenefit($input: CreateBenefitInput!) {
  createBenefit(input: $input) { id code name type period quota value tierIds active }
}`;
export const UPDATE_BENEFIT = `mutation UpdateBenefit($id: ID!, $input: UpdateBenefitInput!) {
  updateBenefit(id: $id, input: $input) { id code name type period quota value tierIds active }
}`;
export const VIEWER = `query Viewer {
  viewer {
    id memberNo name phone status tier { code name } pointsBalance qualifyingPoints referralCode
    expiringPoints(withinDays: 30)
    vehicles { id plateNumber model nextServiceDueDate inspectionDueDate }
    cards { id cardNo type status balance remainingUses serviceName }
    benefits { id benefit { code name type } remaining periodEnd status }
    pointsEntries(page: { page: 1, perPage: 20 }) { items { id type points balanceAfter reason createdAt } total }
  }
}`;
export const VIEWER_ACTIVITIES = `query ViewerActivities {
  viewerActivities { id name type status startsAt endsAt capacity rewardPoints multiplier }
}`;
export const VIEWER_REGISTER_FOR_ACTIVITY = `mutation ViewerRegisterForActivity($activityId: ID!) {
  viewerRegisterForActivity(activityId: $activityId) { id activityId status }
}`;
export const CREATE_BENEFIT_CODE = `mutation CreateBenefitCode($memberBenefitId: ID!) {
  createBenefitCode(memberBenefitId: $memberBenefitId) { code expiresAt }
}`;

// ---- service.graphql, insights.graphql and the member app's complaint ----
export const COMPLAINT_CORE_FRAGMENT = `fragment ComplaintCore on Complaint {
  id ticketNo memberId dealershipId vehicleId transactionId category priority channel status
  subject description assigneeId acknowledgeDueAt resolveDueAt acknowledgedAt resolvedAt closedAt
  outcome resolution satisfaction escalationLevel overdue createdAt updatedAt
}`;
export const MEMBER360 = `query Member360($id: ID!) {
  member(id: $id) {
    id memberNo name phone gender birthday city status tier { code name } tierReviewAt pointsBalance
    qualifyingPoints totalSpend segment marketingConsent lastTransactionAt createdAt
    homeDealership { id name }
    vehicles { id vin plateNumber brand model nextServiceDueDate }
    cards { id cardNo type status balance remainingUses }
    benefits { id benefitId benefit { code name } quota used remaining periodEnd status }
    expiringPoints(withinDays: 30)
    pointsEntries(page: { page: 1, perPage: 20 }) { items { id type points balanceAfter reason createdAt } total }
  }
  complaints(filter: { memberId: $id }, page: { page: 1, perPage: 20 }) { items { id ticketNo status category createdAt } total }
  followUps(filter: { memberId: $id }, page: { page: 1, perPage: 20 }) { items { id kind status dueAt } total }
  transactions(filter: { memberId: $id }, page: { page: 1, perPage: 20 }) { items { id type amount occurredAt pointsEarned } total }
}`;
export const COMPLAINTS = `query Complaints($filter: ComplaintFilter, $sort: [ComplaintSort!], $page: PageInput) {
  complaints(filter: $filter, sort: $sort, page: $page) {
    items { ...ComplaintCore member { id name } assignee { id name } }
    total
  }
}
${COMPLAINT_CORE_FRAGMENT}`;
export const COMPLAINT = `query Complaint($id: ID!) {
  complaint(id: $id) {
    ...ComplaintCore
    events { id type note actorId actorName fromStatus toStatus createdAt }
  }
}
${COMPLAINT_CORE_FRAGMENT}`;
export const CREATE_COMPLAINT = `mutation CreateComplaint($input: CreateComplaintInput!) {
  createComplaint(input: $input) { ...ComplaintCore }
}
${COMPLAINT_CORE_FRAGMENT}`;
export const UPDATE_COMPLAINT = `mutation UpdateComplaint($id: ID!, $input: UpdateComplaintInput!) {
  updateComplaint(id: $id, input: $input) { ...ComplaintCore }
}
${COMPLAINT_CORE_FRAGMENT}`;
export const ACKNOWLEDGE_COMPLAINT = `mutation AcknowledgeComplaint($id: ID!) {
  acknowledgeComplaint(id: $id) { id status acknowledgedAt }
}`;
export const ASSIGN_COMPLAINT = `mutation AssignComplaint($input: AssignComplaintInput!) {
  assignComplaint(input: $input) { id status assigneeId }
}`;
export const ADD_COMPLAINT_NOTE = `mutation AddComplaintNote($input: AddComplaintNoteInput!) {
  addComplaintNote(input: $input) { id events { id type note } }
}`;
export const RESOLVE_COMPLAINT = `mutation ResolveComplaint($input: ResolveComplaintInput!) {
  resolveComplaint(input: $input) { id status outcome resolution resolvedAt }
}`;
export const CLOSE_COMPLAINT = `mutation CloseComplaint($input: CloseComplaintInput!) {
  closeComplaint(input: $input) { id status satisfaction closedAt }
}`;
export const REOPEN_COMPLAINT = `mutation ReopenComplaint($input: ReopenComplaintInput!) {
  reopenComplaint(input: $input) { id status }
}`;
export const COMPLAINT_STATS = `query ComplaintStats($from: DateTime!, $to: DateTime!, $dealershipId: ID) {
  complaintStats(from: $from, to: $to, dealershipId: $dealershipId) {
    total open overdue resolved resolutionRate avgHoursToAcknowledge avgHoursToResolve avgSatisfaction
    byCategory { category count }
  }
}`;
export const FOLLOW_UPS = `query FollowUps($filter: FollowUpFilter, $sort: [FollowUpSort!], $page: PageInput) {
  followUps(filter: $filter, sort: $sort, page: $page) {
    items {
      id kind status memberId member { id name phone } dealershipId transactionId complaintId activityId
      dueAt attempts assigneeId outcome satisfaction notes completedAt createdAt
    }
    total
  }
}`;
export const RECORD_FOLLOW_UP_ATTEMPT = `mutation RecordFollowUpAttempt($input: RecordFollowUpAttemptInput!) {
  recordFollowUpAttempt(input: $input) { id status attempts satisfaction notes completedAt }
}`;
export const DASHBOARD = `query Dashboard($filter: DashboardFilter!) {
  dashboard(filter: $filter) {
    totalMembers newMembers memberGrowthRate activeMembers30d activeRate highValueRatio
    pointsIssued pointsRedeemed pointsExpired activityParticipationRate
    complaintCount complaintResolutionRate avgHoursToResolve overdueComplaints
    followUpCompletionRate avgSatisfaction storedValueBalance
    tierDistribution { tierId tier { code } count }
    newMembersByDay { date count }
    segments { segment count }
  }
}`;
export const FILE_COMPLAINT = `mutation FileComplaint($input: FileComplaintInput!) {
  fileComplaint(input: $input) { id ticketNo status acknowledgeDueAt }
}`;
