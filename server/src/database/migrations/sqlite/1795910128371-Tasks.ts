import { MigrationInterface, QueryRunner } from 'typeorm';

export class Tasks1795910128371 implements MigrationInterface {
  name = 'Tasks1795910128371';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "tasks" ("id" varchar(36) PRIMARY KEY NOT NULL, "jitId" varchar(36) NOT NULL, "title" varchar(200) NOT NULL, "description" text NOT NULL, "status" varchar(16) NOT NULL, "position" integer NOT NULL, "priority" varchar(16) NOT NULL, "assigneeMemberId" varchar(36), "assigneeUserId" varchar(36), "assigningPartyId" varchar(36) NOT NULL, "dueDate" varchar(10), "labels" text NOT NULL, "checklist" text NOT NULL, "createdBy" varchar(36) NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "ix_tasks_assignee" ON "tasks" ("assigneeUserId", "status") `);
    await queryRunner.query(`CREATE INDEX "ix_tasks_board" ON "tasks" ("jitId", "status", "position") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_tasks_board"`);
    await queryRunner.query(`DROP INDEX "ix_tasks_assignee"`);
    await queryRunner.query(`DROP TABLE "tasks"`);
  }
}
