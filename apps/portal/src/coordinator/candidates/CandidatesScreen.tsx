import { useTranslation } from 'react-i18next';
import { Page } from '../../shared/ui/Page';

/** Placeholder: built by issue 13. */
export function CandidatesScreen() {
  const { t } = useTranslation();
  return <Page title={t('coordinator.candidates.title')}>{null}</Page>;
}
