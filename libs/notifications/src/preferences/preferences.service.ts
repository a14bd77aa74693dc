import { HttpStatus, Injectable } from '@nestjs/common';
import { AppError, Principal } from '@app/core';
import { ChannelName } from '../delivery/channel';
import { NotificationKind } from '../inbox/notification.entity';
import { PreferenceRepository } from './preference.repository';
import { effectivePreferences, KindPreference, kindsFor, Preferences } from './preferences';
import { phrase } from '@app/i18n';

export interface PreferencesChange {
  kinds?: Array<{ kind: NotificationKind; channels: ChannelName[]; digest: boolean }>;
  quietHours?: { start: string; end: string } | null;
  digestAt?: string;
}

/** A person's own notification preferences: what they changed, over the defaults of their role. */
@Injectable()
export class PreferencesService {
  constructor(private readonly preferences: PreferenceRepository) {}

  async get(actor: Principal): Promise<Preferences> {
    return effectivePreferences(actor.role, await this.preferences.find(actor.userId), kindsFor(actor.role));
  }

  /** Changes what is given; kinds not named keep their choice. */
  async update(actor: Principal, change: PreferencesChange): Promise<Preferences> {
    const allowed = kindsFor(actor.role);
    const foreign = change.kinds?.find((k) => !allowed.includes(k.kind));
    if (foreign) throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, 'kind_not_for_role', phrase('errors.kind_not_for_role', { role: actor.role, kind: foreign.kind }), { kind: foreign.kind });
    if (change.quietHours && change.quietHours.start === change.quietHours.end) {
      throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, 'quiet_hours_empty');
    }
    const current = await this.get(actor);
    const kinds: KindPreference[] = current.kinds.map((k) => {
      const changed = change.kinds?.find((c) => c.kind === k.kind);
      return changed ? { kind: k.kind, channels: [...new Set(changed.channels)], digest: changed.digest } : k;
    });
    const quietHours = change.quietHours === undefined ? current.quietHours : change.quietHours;
    await this.preferences.save(actor.organisationId, actor.userId, {
      kinds,
      quietStart: quietHours?.start ?? null,
      quietEnd: quietHours?.end ?? null,
      digestAt: change.digestAt ?? current.digestAt,
    });
    return this.get(actor);
  }
}
