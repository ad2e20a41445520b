import { MigrationInterface, QueryRunner } from 'typeorm';

export class TaskListIndexes1795913102968 implements MigrationInterface {
  name = 'TaskListIndexes1795913102968';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_tasks_board"`);
    await queryRunner.query(`CREATE INDEX "ix_tasks_assignee_board" ON "tasks" ("jitId", "assigneeMemberId", "status", "position", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_tasks_board" ON "tasks" ("jitId", "status", "position", "id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_tasks_board"`);
    await queryRunner.query(`DROP INDEX "ix_tasks_assignee_board"`);
    await queryRunner.query(`CREATE INDEX "ix_tasks_board" ON "tasks" ("jitId", "status", "position") `);
  }
}
