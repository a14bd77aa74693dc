import { MigrationInterface, QueryRunner } from "typeorm";

export class DomainData1795389653243 implements MigrationInterface {
    name = 'DomainData1795389653243'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "volunteer" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "first_name" text NOT NULL, "last_name" text NOT NULL, "email" text, "phone" text, "birth_date" date NOT NULL, "gender" text NOT NULL DEFAULT 'unspecified', "languages" text array NOT NULL DEFAULT '{nl}', "postcode" text, "house_number" text, "city" text, "lat" double precision NOT NULL, "lon" double precision NOT NULL, "max_travel_km" integer NOT NULL DEFAULT '10', "kinds" text array NOT NULL DEFAULT '{}', "programme_ids" uuid array NOT NULL DEFAULT '{}', "availability_mask" integer NOT NULL DEFAULT '0', "max_concurrent_clients" integer NOT NULL DEFAULT '1', "lived_experience_diagnoses" text array NOT NULL DEFAULT '{}', "experience_diagnoses" text array NOT NULL DEFAULT '{}', "preferred_client_age_min" integer, "preferred_client_age_max" integer, "interests" text array NOT NULL DEFAULT '{}', "status" text NOT NULL DEFAULT 'applicant', "status_changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_volunteer_age_range" CHECK (((preferred_client_age_min IS NULL) OR (preferred_client_age_max IS NULL) OR (preferred_client_age_min <= preferred_client_age_max))), CONSTRAINT "chk_volunteer_availability" CHECK (((availability_mask >= 0) AND (availability_mask < 268435456))), CONSTRAINT "chk_volunteer_status" CHECK ((status = ANY (ARRAY['applicant'::text, 'active'::text, 'paused'::text, 'inactive'::text]))), CONSTRAINT "PK_76924da1998b3e07025e04c4d3c" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "idx_volunteer_location" ON "volunteer" ("lat", "lon") `);
        await queryRunner.query(`CREATE INDEX "IDX_21ede9f00d8413860cfe1733a0" ON "volunteer" ("organisation_id", "status") `);
        await queryRunner.query(`CREATE TABLE "credential" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "volunteer_id" uuid NOT NULL, "type" text NOT NULL, "issued_on" date NOT NULL, "expires_on" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_credential_dates" CHECK (((expires_on IS NULL) OR (expires_on >= issued_on))), CONSTRAINT "PK_3a5169bcd3d5463cefeec78be82" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_9437561d49d7ddc00074de0833" ON "credential" ("type", "expires_on") `);
        await queryRunner.query(`CREATE INDEX "IDX_df127da6e7a64d8e6418e724fb" ON "credential" ("volunteer_id") `);
        await queryRunner.query(`CREATE TABLE "client" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "referral_source_id" uuid NOT NULL, "first_name" text NOT NULL, "last_name" text NOT NULL, "birth_date" date NOT NULL, "gender" text NOT NULL DEFAULT 'unspecified', "street" text, "house_number" text, "postcode" text, "city" text, "lat" double precision, "lon" double precision, "phone" text, "languages" text array NOT NULL DEFAULT '{nl}', "diagnosis_group" text NOT NULL, "diagnosis_details" text, "living_situation" text, "relatives" jsonb NOT NULL DEFAULT '[]', "gp" jsonb, "consent_given_at" TIMESTAMP WITH TIME ZONE NOT NULL, "consent_given_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_96da49381769303a6515a8785c7" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_522ee9423c25cc6646c9eb0b12" ON "client" ("organisation_id", "referral_source_id") `);
        await queryRunner.query(`CREATE TABLE "request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "programme_id" uuid NOT NULL, "client_id" uuid NOT NULL, "referral_source_id" uuid NOT NULL, "submitted_by_user_id" uuid, "kind" text NOT NULL, "status" text NOT NULL DEFAULT 'submitted', "status_reason" text, "urgency" text NOT NULL DEFAULT 'normal', "needs" jsonb NOT NULL DEFAULT '{}', "desired_mask" integer NOT NULL DEFAULT '0', "frequency" text, "start_date" date, "vigil_window_start" TIMESTAMP WITH TIME ZONE, "vigil_window_end" TIMESTAMP WITH TIME ZONE, "postcode" text, "house_number" text, "city" text, "lat" double precision NOT NULL, "lon" double precision NOT NULL, "preferences" jsonb NOT NULL DEFAULT '{}', "referrer_contact" jsonb NOT NULL, "referrer_notes" text, "coordinator_notes" text, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "triaged_at" TIMESTAMP WITH TIME ZONE, "proposed_at" TIMESTAMP WITH TIME ZONE, "matched_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "ended_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_request_vigil_window" CHECK (((vigil_window_start IS NULL) = (vigil_window_end IS NULL) AND ((vigil_window_end IS NULL) OR (vigil_window_end > vigil_window_start)))), CONSTRAINT "chk_request_desired_mask" CHECK (((desired_mask >= 0) AND (desired_mask < 268435456))), CONSTRAINT "chk_request_kind" CHECK ((kind = ANY (ARRAY['buddy'::text, 'navigator'::text, 'peer'::text, 'vigil'::text, 'practical'::text]))), CONSTRAINT "chk_request_status" CHECK ((status = ANY (ARRAY['submitted'::text, 'needs_info'::text, 'triaged'::text, 'rejected'::text, 'proposed'::text, 'matched'::text, 'closed'::text, 'cancelled'::text]))), CONSTRAINT "PK_167d324701e6867f189aed52e18" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_a4ca6b714e7852d35bcf833946" ON "request" ("client_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_34bb11e2800f96aa4ba5371d5d" ON "request" ("referral_source_id", "created_at") `);
        await queryRunner.query(`CREATE INDEX "IDX_9704c868b25ef4caf2a59f0cc3" ON "request" ("organisation_id", "status") `);
        await queryRunner.query(`CREATE TABLE "unavailable_period" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "volunteer_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "reason" text, CONSTRAINT "chk_unavailable_period_order" CHECK ((ends_at > starts_at)), CONSTRAINT "PK_5c9463391660c9f10986b86c68f" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_c93c67dd845079c6c995adcae2" ON "unavailable_period" ("volunteer_id", "starts_at") `);
        await queryRunner.query(`CREATE TABLE "referral_source" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "name" text NOT NULL, "type" text NOT NULL, "contact_name" text, "contact_email" text, "contact_phone" text, "feedback_channel" text NOT NULL DEFAULT 'none', "feedback_email" text, "webhook_url" text, "webhook_secret" text, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_referral_source_channel" CHECK ((feedback_channel = ANY (ARRAY['email'::text, 'webhook'::text, 'none'::text]))), CONSTRAINT "chk_referral_source_type" CHECK ((type = ANY (ARRAY['hospital'::text, 'gp'::text, 'home_care'::text, 'neighbourhood_team'::text, 'volunteer_org'::text, 'caregiver_support'::text, 'other'::text]))), CONSTRAINT "PK_ef75f632fea22db528069d98d73" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_931153f2b5d1543a02c1f95db4" ON "referral_source" ("organisation_id", "name") `);
        await queryRunner.query(`CREATE TABLE "programme" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "name" text NOT NULL, "kind" text NOT NULL, "description" text, "active" boolean NOT NULL DEFAULT true, "required_credentials" text array NOT NULL DEFAULT '{}', "min_client_age" integer, "diagnosis_groups" text array NOT NULL DEFAULT '{}', "max_match_months" integer, "max_distance_km" integer NOT NULL, "scoring_weights" jsonb NOT NULL, "follow_up_schedule" jsonb NOT NULL, "vigil_wave_size" integer, "vigil_wave_interval_minutes" integer, "vigil_escalation_minutes" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_programme_kind" CHECK ((kind = ANY (ARRAY['buddy'::text, 'navigator'::text, 'peer'::text, 'vigil'::text, 'practical'::text]))), CONSTRAINT "PK_76ff6b30b74f213944d1ac0a660" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_6b8876e834b1e8c4131701f578" ON "programme" ("organisation_id", "kind") `);
        await queryRunner.query(`ALTER TABLE "app_user" ADD "referral_source_id" uuid`);
        await queryRunner.query(`ALTER TABLE "app_user" ADD "volunteer_id" uuid`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_app_user_volunteer" ON "app_user" ("volunteer_id") WHERE (volunteer_id IS NOT NULL)`);
        await queryRunner.query(`ALTER TABLE "app_user" ADD CONSTRAINT "chk_app_user_volunteer_profile" CHECK (((role <> 'volunteer'::text) OR (volunteer_id IS NOT NULL)))`);
        await queryRunner.query(`ALTER TABLE "app_user" ADD CONSTRAINT "chk_app_user_referrer_source" CHECK (((role <> 'referrer'::text) OR (referral_source_id IS NOT NULL)))`);
        await queryRunner.query(`ALTER TABLE "volunteer" ADD CONSTRAINT "FK_b1ec8818832f5f37c2d4fa8dadd" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "credential" ADD CONSTRAINT "FK_df127da6e7a64d8e6418e724fb1" FOREIGN KEY ("volunteer_id") REFERENCES "volunteer"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "client" ADD CONSTRAINT "FK_cc4dff0a99ba0f6e09fd799e4b1" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "client" ADD CONSTRAINT "FK_a90ec12f452dac75a99bfef081d" FOREIGN KEY ("referral_source_id") REFERENCES "referral_source"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "request" ADD CONSTRAINT "FK_62daf243492dbf2345a619353c9" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "request" ADD CONSTRAINT "FK_632278f032a6cf4465366d0f23a" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "request" ADD CONSTRAINT "FK_a4ca6b714e7852d35bcf8339460" FOREIGN KEY ("client_id") REFERENCES "client"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "request" ADD CONSTRAINT "FK_2b744040de9cd60ed667b07d210" FOREIGN KEY ("referral_source_id") REFERENCES "referral_source"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "request" ADD CONSTRAINT "FK_5a705086fd900e31970ccbcc935" FOREIGN KEY ("submitted_by_user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "unavailable_period" ADD CONSTRAINT "FK_3d1bf4f4b048f795d271b7f87fd" FOREIGN KEY ("volunteer_id") REFERENCES "volunteer"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "referral_source" ADD CONSTRAINT "FK_092d5db1d9930762fbe0aab9b5a" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "programme" ADD CONSTRAINT "FK_9a03153916218ef29e5ca5e1103" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "app_user" ADD CONSTRAINT "FK_2dc4ff6fd91faaae36891c68073" FOREIGN KEY ("referral_source_id") REFERENCES "referral_source"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "app_user" ADD CONSTRAINT "FK_5414d7d57b6f382115131c471e1" FOREIGN KEY ("volunteer_id") REFERENCES "volunteer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "FK_5414d7d57b6f382115131c471e1"`);
        await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "FK_2dc4ff6fd91faaae36891c68073"`);
        await queryRunner.query(`ALTER TABLE "programme" DROP CONSTRAINT "FK_9a03153916218ef29e5ca5e1103"`);
        await queryRunner.query(`ALTER TABLE "referral_source" DROP CONSTRAINT "FK_092d5db1d9930762fbe0aab9b5a"`);
        await queryRunner.query(`ALTER TABLE "unavailable_period" DROP CONSTRAINT "FK_3d1bf4f4b048f795d271b7f87fd"`);
        await queryRunner.query(`ALTER TABLE "request" DROP CONSTRAINT "FK_5a705086fd900e31970ccbcc935"`);
        await queryRunner.query(`ALTER TABLE "request" DROP CONSTRAINT "FK_2b744040de9cd60ed667b07d210"`);
        await queryRunner.query(`ALTER TABLE "request" DROP CONSTRAINT "FK_a4ca6b714e7852d35bcf8339460"`);
        await queryRunner.query(`ALTER TABLE "request" DROP CONSTRAINT "FK_632278f032a6cf4465366d0f23a"`);
        await queryRunner.query(`ALTER TABLE "request" DROP CONSTRAINT "FK_62daf243492dbf2345a619353c9"`);
        await queryRunner.query(`ALTER TABLE "client" DROP CONSTRAINT "FK_a90ec12f452dac75a99bfef081d"`);
        await queryRunner.query(`ALTER TABLE "client" DROP CONSTRAINT "FK_cc4dff0a99ba0f6e09fd799e4b1"`);
        await queryRunner.query(`ALTER TABLE "credential" DROP CONSTRAINT "FK_df127da6e7a64d8e6418e724fb1"`);
        await queryRunner.query(`ALTER TABLE "volunteer" DROP CONSTRAINT "FK_b1ec8818832f5f37c2d4fa8dadd"`);
        await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "chk_app_user_referrer_source"`);
        await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "chk_app_user_volunteer_profile"`);
        await queryRunner.query(`DROP INDEX "public"."uq_app_user_volunteer"`);
        await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "volunteer_id"`);
        await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "referral_source_id"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_6b8876e834b1e8c4131701f578"`);
        await queryRunner.query(`DROP TABLE "programme"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_931153f2b5d1543a02c1f95db4"`);
        await queryRunner.query(`DROP TABLE "referral_source"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_c93c67dd845079c6c995adcae2"`);
        await queryRunner.query(`DROP TABLE "unavailable_period"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_9704c868b25ef4caf2a59f0cc3"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_34bb11e2800f96aa4ba5371d5d"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_a4ca6b714e7852d35bcf833946"`);
        await queryRunner.query(`DROP TABLE "request"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_522ee9423c25cc6646c9eb0b12"`);
        await queryRunner.query(`DROP TABLE "client"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_df127da6e7a64d8e6418e724fb"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_9437561d49d7ddc00074de0833"`);
        await queryRunner.query(`DROP TABLE "credential"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_21ede9f00d8413860cfe1733a0"`);
        await queryRunner.query(`DROP INDEX "public"."idx_volunteer_location"`);
        await queryRunner.query(`DROP TABLE "volunteer"`);
    }

}
