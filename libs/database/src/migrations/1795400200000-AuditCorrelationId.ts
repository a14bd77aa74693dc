import { MigrationInterface, QueryRunner } from "typeorm";

export class AuditCorrelationId1795400200000 implements MigrationInterface {
    name = 'AuditCorrelationId1795400200000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "audit_event" ADD "correlation_id" text`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "audit_event" DROP COLUMN "correlation_id"`);
    }
}
