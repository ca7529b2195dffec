/** Menu icons of the known resources; a new resource gets the generic list icon. */
import AccountBalanceWallet from '@mui/icons-material/AccountBalanceWallet';
import Api from '@mui/icons-material/Api';
import Badge from '@mui/icons-material/Badge';
import Campaign from '@mui/icons-material/Campaign';
import CardGiftcard from '@mui/icons-material/CardGiftcard';
import CreditCard from '@mui/icons-material/CreditCard';
import DirectionsCar from '@mui/icons-material/DirectionsCar';
import History from '@mui/icons-material/History';
import HowToReg from '@mui/icons-material/HowToReg';
import Loyalty from '@mui/icons-material/Loyalty';
import Notifications from '@mui/icons-material/Notifications';
import People from '@mui/icons-material/People';
import PhoneInTalk from '@mui/icons-material/PhoneInTalk';
import PlaylistAddCheck from '@mui/icons-material/PlaylistAddCheck';
import ReceiptLong from '@mui/icons-material/ReceiptLong';
import Redeem from '@mui/icons-material/Redeem';
import ReportProblem from '@mui/icons-material/ReportProblem';
import Schedule from '@mui/icons-material/Schedule';
import Share from '@mui/icons-material/Share';
import Stars from '@mui/icons-material/Stars';
import Store from '@mui/icons-material/Store';
import TrendingUp from '@mui/icons-material/TrendingUp';
import ViewList from '@mui/icons-material/ViewList';
import type { ComponentType } from 'react';

const icons: Record<string, ComponentType> = {
  members: People,
  vehicles: DirectionsCar,
  tiers: Stars,
  tierChanges: TrendingUp,
  referrals: Share,
  transactions: ReceiptLong,
  pointsEntries: Loyalty,
  cards: CreditCard,
  cardEntries: AccountBalanceWallet,
  benefits: CardGiftcard,
  memberBenefits: Redeem,
  benefitRedemptions: PlaylistAddCheck,
  activities: Campaign,
  participations: HowToReg,
  complaints: ReportProblem,
  followUps: PhoneInTalk,
  notifications: Notifications,
  dealerships: Store,
  staffUsers: Badge,
  apiClients: Api,
  jobRuns: Schedule,
  auditLogs: History,
};

export function iconOf(resource: string): ComponentType {
  return icons[resource] ?? ViewList;
}
