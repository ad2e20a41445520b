import { MigrationInterface, QueryRunner } from 'typeorm';

export class LinksNotifications1795913135689 implements MigrationInterface {
  name = 'LinksNotifications1795913135689';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "links" ("id" varchar(36) PRIMARY KEY NOT NULL, "jitId" varchar(36) NOT NULL, "aType" varchar(16) NOT NULL, "aId" varchar(36) NOT NULL, "bType" varchar(16) NOT NULL, "bId" varchar(36) NOT NULL, "createdBy" varchar(36) NOT NULL, "createdByPartyId" varchar(36) NOT NULL, "createdAt" datetime(3) NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "ix_links_b" ON "links" ("jitId", "bType", "bId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_links_pair" ON "links" ("jitId", "aType", "aId", "bType", "bId") `);
    await queryRunner.query(
      `CREATE TABLE "notifications" ("id" varchar(36) PRIMARY KEY NOT NULL, "userId" varchar(36) NOT NULL, "jitId" varchar(36) NOT NULL, "kind" varchar(40) NOT NULL, "subjectType" varchar(16) NOT NULL, "subjectId" varchar(36) NOT NULL, "actorUserId" varchar(36), "dedupeKey" varchar(120) NOT NULL, "createdAt" datetime(3) NOT NULL, "readAt" datetime(3))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_notifications_user_unread" ON "notifications" ("userId", "readAt") `);
    await queryRunner.query(`CREATE INDEX "ix_notifications_user_created" ON "notifications" ("userId", "createdAt", "id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_notifications_dedupe" ON "notifications" ("userId", "dedupeKey") `);
    await queryRunner.query(
      `CREATE TABLE "notification_preferences" ("userId" varchar(36) NOT NULL, "kind" varchar(40) NOT NULL, "channel" varchar(16) NOT NULL, "enabled" boolean NOT NULL, PRIMARY KEY ("userId", "kind", "channel"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "notification_preferences"`);
    await queryRunner.query(`DROP INDEX "uq_notifications_dedupe"`);
    await queryRunner.query(`DROP INDEX "ix_notifications_user_created"`);
    await queryRunner.query(`DROP INDEX "ix_notifications_user_unread"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP INDEX "uq_links_pair"`);
    await queryRunner.query(`DROP INDEX "ix_links_b"`);
    await queryRunner.query(`DROP TABLE "links"`);
  }
}
