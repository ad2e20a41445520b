import { MigrationInterface, QueryRunner } from 'typeorm';

export class Comments1795910915198 implements MigrationInterface {
  name = 'Comments1795910915198';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "comments" ("id" varchar(36) PRIMARY KEY NOT NULL, "jitId" varchar(36) NOT NULL, "subjectType" varchar(16) NOT NULL, "subjectId" varchar(36) NOT NULL, "body" text NOT NULL, "mentions" text NOT NULL, "authorId" varchar(36) NOT NULL, "authorPartyId" varchar(36) NOT NULL, "createdAt" datetime(3) NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "ix_comments_subject" ON "comments" ("jitId", "subjectType", "subjectId", "createdAt") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_comments_subject"`);
    await queryRunner.query(`DROP TABLE "comments"`);
  }
}
