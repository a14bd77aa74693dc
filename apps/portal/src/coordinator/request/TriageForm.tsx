import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form, Label, Radio, RadioGroup } from 'react-aria-components';
import { Button } from '../../shared/ui/Button';
import { Notice } from '../../shared/ui/Notice';
import { TextField } from '../../shared/ui/TextField';
import { messageOf } from '../../shared/ui/errors';
import { TriageDecision, useTriage } from './queries';

const DECISIONS: TriageDecision[] = ['accept', 'needs_info', 'reject'];

/** Accept, ask the referrer a question, or reject (the API wants a reason for the last two and checks the programme's rules on accepting). */
export function TriageForm({ requestId, onSaved }: { requestId: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const triage = useTriage(requestId);
  const [decision, setDecision] = useState<TriageDecision>('accept');
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const needsReason = decision !== 'accept';
  const missing = needsReason && reason.trim() === '';
  // Checked here, not on blur: a message appearing on blur moves the button away from a mouse already pressing it.
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (missing) {
      document.getElementById('triage-reason')?.focus();
      return;
    }
    // Not mutate's onSuccess: an accepted request's form is gone (unmounted) before that would run.
    triage.mutateAsync({ decision, reason: needsReason ? reason : undefined }).then(() => {
      setReason('');
      setTried(false);
      onSaved();
    }, () => undefined); // the error shows from triage.error
  };
  return (
    <section aria-labelledby="triage-title" className="card stack">
      <h2 id="triage-title">{t('coordinator.request.triage')}</h2>
      <Form onSubmit={submit} className="stack" validationBehavior="aria">
        <RadioGroup className="radio-group" value={decision} onChange={(value) => setDecision(value as TriageDecision)} isRequired>
          <Label className="field__label">{t('coordinator.request.decision')}</Label>
          {DECISIONS.map((d) => (
            <Radio key={d} value={d} className="radio">
              {t(`coordinator.request.decisions.${d}`)}
            </Radio>
          ))}
        </RadioGroup>
        {needsReason && (
          <TextField
            label={t(decision === 'needs_info' ? 'coordinator.request.question' : 'coordinator.request.reason')}
            errorMessage={t('coordinator.request.reasonRequired')}
            id="triage-reason"
            value={reason}
            onChange={setReason}
            isInvalid={tried && missing}
            isRequired
            maxLength={1000}
            multiline
          />
        )}
        {triage.isError && <Notice tone="error">{messageOf(triage.error)}</Notice>}
        <div className="row">
          <Button type="submit" isDisabled={triage.isPending}>
            {t('coordinator.request.submitTriage')}
          </Button>
        </div>
      </Form>
    </section>
  );
}
