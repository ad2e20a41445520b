import { MigrationInterface, QueryRunner } from 'typeorm';

export class Tasks1795910128492 implements MigrationInterface {
  name = 'Tasks1795910128492';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`tasks\` (\`id\` varchar(36) NOT NULL, \`jitId\` varchar(36) NOT NULL, \`title\` varchar(200) NOT NULL, \`description\` text NOT NULL, \`status\` varchar(16) NOT NULL, \`position\` int NOT NULL, \`priority\` varchar(16) NOT NULL, \`assigneeMemberId\` varchar(36) NULL, \`assigneeUserId\` varchar(36) NULL, \`assigningPartyId\` varchar(36) NOT NULL, \`dueDate\` varchar(10) NULL, \`labels\` text NOT NULL, \`checklist\` text NOT NULL, \`createdBy\` varchar(36) NOT NULL, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, INDEX \`ix_tasks_assignee\` (\`assigneeUserId\`, \`status\`), INDEX \`ix_tasks_board\` (\`jitId\`, \`status\`, \`position\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_tasks_board\` ON \`tasks\``);
    await queryRunner.query(`DROP INDEX \`ix_tasks_assignee\` ON \`tasks\``);
    await queryRunner.query(`DROP TABLE \`tasks\``);
  }
}
