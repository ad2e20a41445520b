import { MigrationInterface, QueryRunner } from 'typeorm';

export class LinksNotifications1795913135868 implements MigrationInterface {
  name = 'LinksNotifications1795913135868';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`links\` (\`id\` varchar(36) NOT NULL, \`jitId\` varchar(36) NOT NULL, \`aType\` varchar(16) NOT NULL, \`aId\` varchar(36) NOT NULL, \`bType\` varchar(16) NOT NULL, \`bId\` varchar(36) NOT NULL, \`createdBy\` varchar(36) NOT NULL, \`createdByPartyId\` varchar(36) NOT NULL, \`createdAt\` datetime(3) NOT NULL, INDEX \`ix_links_b\` (\`jitId\`, \`bType\`, \`bId\`), UNIQUE INDEX \`uq_links_pair\` (\`jitId\`, \`aType\`, \`aId\`, \`bType\`, \`bId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`notifications\` (\`id\` varchar(36) NOT NULL, \`userId\` varchar(36) NOT NULL, \`jitId\` varchar(36) NOT NULL, \`kind\` varchar(40) NOT NULL, \`subjectType\` varchar(16) NOT NULL, \`subjectId\` varchar(36) NOT NULL, \`actorUserId\` varchar(36) NULL, \`dedupeKey\` varchar(120) NOT NULL, \`createdAt\` datetime(3) NOT NULL, \`readAt\` datetime(3) NULL, INDEX \`ix_notifications_user_unread\` (\`userId\`, \`readAt\`), INDEX \`ix_notifications_user_created\` (\`userId\`, \`createdAt\`, \`id\`), UNIQUE INDEX \`uq_notifications_dedupe\` (\`userId\`, \`dedupeKey\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`notification_preferences\` (\`userId\` varchar(36) NOT NULL, \`kind\` varchar(40) NOT NULL, \`channel\` varchar(16) NOT NULL, \`enabled\` tinyint NOT NULL, PRIMARY KEY (\`userId\`, \`kind\`, \`channel\`)) ENGINE=InnoDB`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`notification_preferences\``);
    await queryRunner.query(`DROP INDEX \`uq_notifications_dedupe\` ON \`notifications\``);
    await queryRunner.query(`DROP INDEX \`ix_notifications_user_created\` ON \`notifications\``);
    await queryRunner.query(`DROP INDEX \`ix_notifications_user_unread\` ON \`notifications\``);
    await queryRunner.query(`DROP TABLE \`notifications\``);
    await queryRunner.query(`DROP INDEX \`uq_links_pair\` ON \`links\``);
    await queryRunner.query(`DROP INDEX \`ix_links_b\` ON \`links\``);
    await queryRunner.query(`DROP TABLE \`links\``);
  }
}
