import { parseTime, Time } from '@internationalized/date';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Checkbox, CheckboxGroup, Label, Switch } from 'react-aria-components';
import { useMe } from '../../shared/session/session-context';
import { PushSetupError, PushState } from '../../shared/push/push';
import { Button } from '../../shared/ui/Button';
import { QueryView } from '../../shared/ui/Loading';
import { Notice } from '../../shared/ui/Notice';
import { Page } from '../../shared/ui/Page';
import { TimeField } from '../../shared/ui/TimeField';
import { messageOf } from '../../shared/ui/errors';
import { Channel, KindPreference, Preferences, usePreferences, usePushState, useSavePreferences, useSwitchPush } from './queries';

const CHANNELS: Channel[] = ['email', 'push', 'sms'];
/** The digest rides in the same group as the channels: one group per kind, named by the kind. */
const DIGEST = 'digest';

/** Notification settings of every role: push on this device, channels per kind, quiet hours, digest time. */
export function NotificationSettingsScreen() {
  const { t } = useTranslation();
  const preferences = usePreferences();
  return (
    <Page title={t('notificationSettings.title')}>
      <PushSection />
      <QueryView query={preferences}>{(data) => <PreferencesForm initial={data} />}</QueryView>
    </Page>
  );
}

function PushSection() {
  const { t } = useTranslation();
  const me = useMe();
  const state = usePushState(me.user.id);
  const switchPush = useSwitchPush(me.user.id);
  const current: PushState | undefined = state.data;
  const problem = switchPush.error;
  return (
    <section className="card stack" aria-labelledby="push-heading">
      <h2 id="push-heading">{t('notificationSettings.push.title')}</h2>
      <Switch
        className="switch"
        isSelected={current === 'on'}
        isDisabled={current === undefined || current === 'unsupported' || current === 'blocked' || switchPush.isPending}
        onChange={(on) => switchPush.mutate(on)}
        aria-describedby="push-state"
      >
        <span className="switch__track" aria-hidden="true">
          <span className="switch__thumb" />
        </span>
        {t('notificationSettings.push.label')}
      </Switch>
      <p id="push-state" className="field__hint" aria-live="polite">
        {switchPush.isPending ? t('notificationSettings.push.busy') : current ? t(`notificationSettings.push.state.${current}`) : t('app.loading')}
      </p>
      {problem && (
        <Notice tone="error">{problem instanceof PushSetupError ? t(`notificationSettings.push.problem.${problem.problem}`) : messageOf(problem)}</Notice>
      )}
      <p>{t('notificationSettings.push.perKind')}</p>
    </section>
  );
}

interface FormState {
  kinds: Record<string, string[]>;
  quiet: boolean;
  quietStart: Time | null;
  quietEnd: Time | null;
  digestAt: Time | null;
}

/** "HH:MM" as the API has it; an emptied field goes as "" and the API says what is wrong. */
const hhmm = (time: Time | null) => (time ? time.toString().slice(0, 5) : '');

const toForm = (p: Preferences): FormState => ({
  kinds: Object.fromEntries(p.kinds.map((k) => [k.kind, [...k.channels, ...(k.digest ? [DIGEST] : [])]])),
  quiet: p.quietHours !== null,
  quietStart: parseTime(p.quietHours?.start ?? '22:00'),
  quietEnd: parseTime(p.quietHours?.end ?? '07:00'),
  digestAt: parseTime(p.digestAt),
});

/** Filled once from the server: a live refresh of the preferences does not undo what is being edited. */
function PreferencesForm({ initial }: { initial: Preferences }) {
  const { t } = useTranslation();
  const [form, setForm] = useState(() => toForm(initial));
  const save = useSavePreferences();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const kinds: KindPreference[] = initial.kinds.map(({ kind }) => {
      const chosen = form.kinds[kind] ?? [];
      return { kind, channels: CHANNELS.filter((c) => chosen.includes(c)), digest: chosen.includes(DIGEST) };
    });
    save.mutate({ kinds, quietHours: form.quiet ? { start: hhmm(form.quietStart), end: hhmm(form.quietEnd) } : null, digestAt: hhmm(form.digestAt) });
  };
  const change = (patch: Partial<FormState>) => {
    save.reset();
    setForm((f) => ({ ...f, ...patch }));
  };
  return (
    <form className="stack" onSubmit={submit} aria-labelledby="kinds-heading">
      <h2 id="kinds-heading">{t('notificationSettings.kindsTitle')}</h2>
      <p>{t('notificationSettings.kindsIntro')}</p>
      <ul className="list">
        {initial.kinds.map(({ kind }) => (
          <li key={kind} className="card">
            <CheckboxGroup
              className="checkbox-group"
              value={form.kinds[kind] ?? []}
              onChange={(value) => change({ kinds: { ...form.kinds, [kind]: value } })}
            >
              <Label className="checkbox-group__label">{t(`notificationSettings.kinds.${kind}`)}</Label>
              <div className="checkbox-group__options">
                {CHANNELS.map((channel) => (
                  <ChoiceBox key={channel} value={channel} label={t(`notificationSettings.channels.${channel}`)} />
                ))}
                <ChoiceBox value={DIGEST} label={t('notificationSettings.digest')} />
              </div>
            </CheckboxGroup>
          </li>
        ))}
      </ul>
      <section className="card stack" aria-labelledby="quiet-heading">
        <h2 id="quiet-heading">{t('notificationSettings.quiet.title')}</h2>
        <Switch className="switch" isSelected={form.quiet} onChange={(quiet) => change({ quiet })}>
          <span className="switch__track" aria-hidden="true">
            <span className="switch__thumb" />
          </span>
          {t('notificationSettings.quiet.label')}
        </Switch>
        <p className="field__hint">{t('notificationSettings.quiet.hint')}</p>
        {form.quiet && (
          <div className="row">
            <TimeField label={t('notificationSettings.quiet.start')} value={form.quietStart} onChange={(quietStart) => change({ quietStart })} isRequired />
            <TimeField label={t('notificationSettings.quiet.end')} value={form.quietEnd} onChange={(quietEnd) => change({ quietEnd })} isRequired />
          </div>
        )}
      </section>
      <section className="card stack" aria-labelledby="digest-heading">
        <h2 id="digest-heading">{t('notificationSettings.digestTitle')}</h2>
        <TimeField
          label={t('notificationSettings.digestAt')}
          description={t('notificationSettings.digestHint')}
          value={form.digestAt}
          onChange={(digestAt) => change({ digestAt })}
          isRequired
        />
      </section>
      {save.isError && <Notice tone="error">{messageOf(save.error)}</Notice>}
      {save.isSuccess && <Notice tone="success">{t('notificationSettings.saved')}</Notice>}
      <Button type="submit" big isPending={save.isPending}>
        {t('common.save')}
      </Button>
    </form>
  );
}

function ChoiceBox({ value, label }: { value: string; label: string }) {
  return (
    <Checkbox value={value} className="checkbox">
      <span className="checkbox__box" aria-hidden="true" />
      <span>{label}</span>
    </Checkbox>
  );
}
