import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * An email address is unique within an organisation, no longer across the deployment: a volunteer
 * may serve two organisations, and creating a user must not reveal that an address exists elsewhere.
 * With the global unique email gone, one hosting organisation is kept by its own unique index
 * (two instances bootstrapping at once used to collide on the admin's email).
 */
export class EmailUniquePerOrganisation1795400300000 implements MigrationInterface {
    name = 'EmailUniquePerOrganisation1795400300000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."uq_app_user_email"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_app_user_organisation_email" ON "app_user" ("organisation_id", "email") `);
        await queryRunner.query(`CREATE INDEX "idx_app_user_email" ON "app_user" ("email") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_organisation_host" ON "organisation" ("is_host") WHERE is_host`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        // Fails while an email has accounts in several organisations: merge or rename them first.
        await queryRunner.query(`DROP INDEX "public"."uq_organisation_host"`);
        await queryRunner.query(`DROP INDEX "public"."idx_app_user_email"`);
        await queryRunner.query(`DROP INDEX "public"."uq_app_user_organisation_email"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_app_user_email" ON "app_user" ("email") `);
    }
}
