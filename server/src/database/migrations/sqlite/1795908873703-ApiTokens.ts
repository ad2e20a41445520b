import { MigrationInterface, QueryRunner } from 'typeorm';

export class ApiTokens1795908873703 implements MigrationInterface {
  name = 'ApiTokens1795908873703';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "api_tokens" ("id" varchar(36) PRIMARY KEY NOT NULL, "userId" varchar(36) NOT NULL, "name" varchar(100) NOT NULL, "tokenHash" varchar(64) NOT NULL, "prefix" varchar(16) NOT NULL, "createdAt" datetime(3) NOT NULL, "lastUsedAt" datetime(3), "expiresAt" datetime(3), "revokedAt" datetime(3))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_api_tokens_user" ON "api_tokens" ("userId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_api_tokens_hash" ON "api_tokens" ("tokenHash") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "uq_api_tokens_hash"`);
    await queryRunner.query(`DROP INDEX "ix_api_tokens_user"`);
    await queryRunner.query(`DROP TABLE "api_tokens"`);
  }
}
