import { MigrationInterface, QueryRunner } from "typeorm";

export class Matches1795392739305 implements MigrationInterface {
    name = 'Matches1795392739305'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "match" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "request_id" uuid NOT NULL, "client_id" uuid NOT NULL, "volunteer_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'proposed', "score" double precision NOT NULL, "breakdown" jsonb NOT NULL DEFAULT '[]', "proposed_by_user_id" uuid, "proposed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "ended_at" TIMESTAMP WITH TIME ZONE, "end_reason" text, CONSTRAINT "chk_match_status" CHECK ((status = ANY (ARRAY['proposed'::text, 'declined'::text, 'withdrawn'::text, 'active'::text, 'ended'::text]))), CONSTRAINT "PK_92b6c3a6631dd5b24a67c69f69d" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_match_live" ON "match" ("request_id", "volunteer_id") WHERE (status = ANY (ARRAY['proposed'::text, 'active'::text]))`);
        await queryRunner.query(`CREATE INDEX "IDX_303300dcdcab1123d821848ec4" ON "match" ("request_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_5b6c1050868dd9cb35e10dd519" ON "match" ("volunteer_id", "status") `);
        await queryRunner.query(`CREATE INDEX "IDX_1305085303b91404b372cdbde3" ON "match" ("organisation_id", "status") `);
        await queryRunner.query(`ALTER TABLE "match" ADD CONSTRAINT "FK_303300dcdcab1123d821848ec41" FOREIGN KEY ("request_id") REFERENCES "request"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "match" ADD CONSTRAINT "FK_9adccc38d785ffabe9da91f390d" FOREIGN KEY ("client_id") REFERENCES "client"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "match" ADD CONSTRAINT "FK_2601ddcc5077d3b7110a6e31b85" FOREIGN KEY ("volunteer_id") REFERENCES "volunteer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "match" DROP CONSTRAINT "FK_2601ddcc5077d3b7110a6e31b85"`);
        await queryRunner.query(`ALTER TABLE "match" DROP CONSTRAINT "FK_9adccc38d785ffabe9da91f390d"`);
        await queryRunner.query(`ALTER TABLE "match" DROP CONSTRAINT "FK_303300dcdcab1123d821848ec41"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_1305085303b91404b372cdbde3"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_5b6c1050868dd9cb35e10dd519"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_303300dcdcab1123d821848ec4"`);
        await queryRunner.query(`DROP INDEX "public"."uq_match_live"`);
        await queryRunner.query(`DROP TABLE "match"`);
    }

}
