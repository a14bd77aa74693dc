import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from 'react-aria-components';
import { useMe } from '../../shared/session/session-context';
import { Button } from '../../shared/ui/Button';
import { Notice } from '../../shared/ui/Notice';
import { TextField } from '../../shared/ui/TextField';
import { messageOf } from '../../shared/ui/errors';
import { useUpdateMe } from './queries';

/** Name and phone are the user's to change; the email address is their login and is shown only. */
export function Details() {
  const { t } = useTranslation();
  const { user } = useMe();
  const update = useUpdateMe();
  const [name, setName] = useState(user.name);
  const [phone, setPhone] = useState(user.phone ?? '');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = phone.trim();
    update.mutate(
      { name: name.trim(), phone: trimmed === '' ? null : trimmed },
      // The API writes the number in international form: show what it stored.
      { onSuccess: (saved) => setPhone(saved.phone ?? '') },
    );
  };
  const edit = (set: (value: string) => void) => (value: string) => {
    update.reset();
    set(value);
  };

  return (
    <section aria-labelledby="details-title" className="stack">
      <h2 id="details-title">{t('profile.details.title')}</h2>
      <Form onSubmit={submit} className="stack">
        <TextField label={t('profile.details.name')} name="name" autoComplete="name" isRequired maxLength={200} value={name} onChange={edit(setName)} />
        <TextField label={t('profile.details.email')} name="email" type="email" isReadOnly value={user.email} description={t('profile.details.emailHint')} />
        <TextField
          label={t('profile.details.phone')}
          name="phone"
          type="tel"
          autoComplete="tel"
          maxLength={40}
          value={phone}
          onChange={edit(setPhone)}
          description={t('profile.details.phoneHint')}
        />
        {update.isError && <Notice tone="error">{messageOf(update.error)}</Notice>}
        {update.isSuccess && <Notice tone="success">{t('profile.details.saved')}</Notice>}
        <Button type="submit" variant="secondary" isDisabled={update.isPending}>
          {update.isPending ? t('profile.saving') : t('profile.details.save')}
        </Button>
      </Form>
    </section>
  );
}
