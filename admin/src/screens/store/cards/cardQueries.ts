import { gql } from '@apollo/client';

/** The card operations of the desk, as in the public contract (cards.graphql). */
export const CARD_CORE = gql`
  fragment CardCore on Card {
    id
    cardNo
    type
    status
    memberId
    dealershipId
    balance
    principalBalance
    bonusBalance
    remainingUses
    serviceName
    expiresAt
    replacedById
    createdAt
  }
`;

export const CARD_ENTRY_CORE = gql`
  fragment CardEntryCore on CardEntry {
    id
    cardId
    type
    amount
    principalAmount
    bonusAmount
    uses
    balanceAfter
    principalBalanceAfter
    bonusBalanceAfter
    remainingUsesAfter
    dealershipId
    operatorId
    paymentMethod
    note
    createdAt
  }
`;

export const CARDS = gql`
  query Cards($filter: CardFilter, $sort: [CardSort!], $page: PageInput) {
    cards(filter: $filter, sort: $sort, page: $page) {
      items {
        ...CardCore
        member {
          id
          name
        }
        dealership {
          id
          name
        }
      }
      total
    }
  }
  ${CARD_CORE}
`;

export const CARD = gql`
  query Card($id: ID!) {
    card(id: $id) {
      ...CardCore
      member {
        id
        name
        memberNo
      }
      dealership {
        id
        name
      }
      entries(page: { page: 1, perPage: 50 }) {
        items {
          ...CardEntryCore
          dealership {
            id
            name
          }
        }
        total
      }
    }
  }
  ${CARD_CORE}
  ${CARD_ENTRY_CORE}
`;

export const CREATE_CARD = gql`
  mutation CreateCard($input: CreateCardInput!) {
    createCard(input: $input) {
      ...CardCore
    }
  }
  ${CARD_CORE}
`;

export const RECHARGE_CARD = gql`
  mutation RechargeCard($input: RechargeCardInput!) {
    rechargeCard(input: $input) {
      ...CardEntryCore
    }
  }
  ${CARD_ENTRY_CORE}
`;

export const CONSUME_CARD = gql`
  mutation ConsumeCard($input: ConsumeCardInput!) {
    consumeCard(input: $input) {
      ...CardEntryCore
    }
  }
  ${CARD_ENTRY_CORE}
`;

export interface CardSummary {
  id: string;
  cardNo: string;
  type: 'MEMBERSHIP' | 'STORED_VALUE' | 'COUNT';
  status: string;
  memberId: string;
  dealershipId: string;
  balance: number;
  principalBalance: number;
  bonusBalance: number;
  remainingUses: number | null;
  serviceName: string | null;
  expiresAt: string | null;
  createdAt: string;
  member: { id: string; name: string; memberNo?: string };
  dealership: { id: string; name: string };
}

export interface CardEntry {
  id: string;
  type: string;
  amount: number;
  principalAmount: number;
  bonusAmount: number;
  uses: number | null;
  balanceAfter: number;
  remainingUsesAfter: number | null;
  paymentMethod: string | null;
  note: string | null;
  createdAt: string;
  dealership: { id: string; name: string } | null;
}

export interface CardDetail extends CardSummary {
  entries: { items: CardEntry[]; total: number };
}
