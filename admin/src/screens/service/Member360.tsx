import { useQuery } from '@apollo/client';
import { Button } from '@mui/material';
import { useLocation, useNavigate, useTranslate } from 'react-admin';
import { ScreenPage, Section } from '../shared/ScreenPage';
import { ErrorAlert, Loading, Empty } from '../shared/states';
import { MemberPicker } from '../shared/MemberPicker';
import { MEMBER_360, type Member360Data } from './member360/member360Query';
import { MemberHeader } from './member360/MemberHeader';
import { MemberHistory } from './member360/MemberHistory';

/** Member 360 (会员全景): everything about one member; `?id=` opens a member directly, else search. */
export default function Member360() {
  const translate = useTranslate();
  const navigate = useNavigate();
  const location = useLocation();
  const id = new URLSearchParams(location.search).get('id');
  const { data, loading, error } = useQuery<Member360Data>(MEMBER_360, {
    variables: { id },
    skip: !id,
    fetchPolicy: 'cache-and-network',
  });
  const open = (memberId: string | null) =>
    navigate(memberId ? `/member-360?id=${encodeURIComponent(memberId)}` : '/member-360');

  if (!id) {
    return (
      <ScreenPage titleKey="screens.member360.title">
        <Section title={translate('screens.member360.find')}>
          <MemberPicker value={null} onChange={(m) => m && open(m.id)} />
        </Section>
      </ScreenPage>
    );
  }

  const member = data?.member;
  return (
    <ScreenPage
      titleKey="screens.member360.title"
      actions={<Button onClick={() => open(null)}>{translate('screens.member360.another')}</Button>}
    >
      <ErrorAlert error={error} />
      {!member && (loading ? <Loading /> : !error && <Empty messageKey="screens.member360.notFound" />)}
      {member && data && (
        <>
          <MemberHeader member={member} />
          <MemberHistory data={{ ...data, member }} />
        </>
      )}
    </ScreenPage>
  );
}
