import { MigrationInterface, QueryRunner } from 'typeorm';

export class SetupTokens1795905431660 implements MigrationInterface {
  name = 'SetupTokens1795905431660';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`setup_tokens\` (\`tokenHash\` varchar(64) NOT NULL, \`createdAt\` datetime(3) NOT NULL, PRIMARY KEY (\`tokenHash\`)) ENGINE=InnoDB`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`setup_tokens\``);
  }
}
