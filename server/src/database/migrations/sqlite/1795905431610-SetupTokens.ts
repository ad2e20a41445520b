import { MigrationInterface, QueryRunner } from 'typeorm';

export class SetupTokens1795905431610 implements MigrationInterface {
  name = 'SetupTokens1795905431610';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "setup_tokens" ("tokenHash" varchar(64) PRIMARY KEY NOT NULL, "createdAt" datetime(3) NOT NULL)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "setup_tokens"`);
  }
}
