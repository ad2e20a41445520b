import { MigrationInterface, QueryRunner } from 'typeorm';

export class TaskListIndexes1795913104006 implements MigrationInterface {
  name = 'TaskListIndexes1795913104006';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_tasks_board\` ON \`tasks\``);
    await queryRunner.query(`CREATE INDEX \`ix_tasks_assignee_board\` ON \`tasks\` (\`jitId\`, \`assigneeMemberId\`, \`status\`, \`position\`, \`id\`)`);
    await queryRunner.query(`CREATE INDEX \`ix_tasks_board\` ON \`tasks\` (\`jitId\`, \`status\`, \`position\`, \`id\`)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_tasks_board\` ON \`tasks\``);
    await queryRunner.query(`DROP INDEX \`ix_tasks_assignee_board\` ON \`tasks\``);
    await queryRunner.query(`CREATE INDEX \`ix_tasks_board\` ON \`tasks\` (\`jitId\`, \`status\`, \`position\`)`);
  }
}
