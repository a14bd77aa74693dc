import { MigrationInterface, QueryRunner } from "typeorm";

/** A vigil programme limits how long a vigil window may be (72 hours unless changed). */
export class MaxVigilHours1795400000000 implements MigrationInterface {
    name = 'MaxVigilHours1795400000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "programme" ADD "max_vigil_hours" integer`);
        await queryRunner.query(`UPDATE "programme" SET "max_vigil_hours" = 72 WHERE "kind" = 'vigil'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "programme" DROP COLUMN "max_vigil_hours"`);
    }
}
