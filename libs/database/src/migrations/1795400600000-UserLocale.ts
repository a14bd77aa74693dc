import { MigrationInterface, QueryRunner } from "typeorm";

export class UserLocale1795400600000 implements MigrationInterface {
    name = 'UserLocale1795400600000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "app_user" ADD "locale" text NOT NULL DEFAULT 'nl'`);
        await queryRunner.query(`ALTER TABLE "app_user" ADD CONSTRAINT "chk_app_user_locale" CHECK (locale IN ('nl', 'en'))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "chk_app_user_locale"`);
        await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "locale"`);
    }
}
