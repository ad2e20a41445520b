import { MigrationInterface, QueryRunner } from 'typeorm';

export class ApiTokens1795908873810 implements MigrationInterface {
  name = 'ApiTokens1795908873810';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`api_tokens\` (\`id\` varchar(36) NOT NULL, \`userId\` varchar(36) NOT NULL, \`name\` varchar(100) NOT NULL, \`tokenHash\` varchar(64) NOT NULL, \`prefix\` varchar(16) NOT NULL, \`createdAt\` datetime(3) NOT NULL, \`lastUsedAt\` datetime(3) NULL, \`expiresAt\` datetime(3) NULL, \`revokedAt\` datetime(3) NULL, INDEX \`ix_api_tokens_user\` (\`userId\`), UNIQUE INDEX \`uq_api_tokens_hash\` (\`tokenHash\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`uq_api_tokens_hash\` ON \`api_tokens\``);
    await queryRunner.query(`DROP INDEX \`ix_api_tokens_user\` ON \`api_tokens\``);
    await queryRunner.query(`DROP TABLE \`api_tokens\``);
  }
}
