import { MigrationInterface, QueryRunner } from 'typeorm';

export class EvidenceListIndexes1795915677167 implements MigrationInterface {
  name = 'EvidenceListIndexes1795915677167';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_evidence_folder\` ON \`evidence_items\``);
    await queryRunner.query(`DROP INDEX \`ix_evidence_handling\` ON \`evidence_items\``);
    await queryRunner.query(`DROP INDEX \`ix_evidence_party\` ON \`evidence_items\``);
    await queryRunner.query(`CREATE INDEX \`ix_evidence_folder\` ON \`evidence_items\` (\`jitId\`, \`folderId\`, \`createdAt\`, \`id\`)`);
    await queryRunner.query(`CREATE INDEX \`ix_evidence_handling\` ON \`evidence_items\` (\`jitId\`, \`handlingCode\`, \`createdAt\`, \`id\`)`);
    await queryRunner.query(`CREATE INDEX \`ix_evidence_party\` ON \`evidence_items\` (\`jitId\`, \`originatingPartyId\`, \`createdAt\`, \`id\`)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_evidence_party\` ON \`evidence_items\``);
    await queryRunner.query(`DROP INDEX \`ix_evidence_handling\` ON \`evidence_items\``);
    await queryRunner.query(`DROP INDEX \`ix_evidence_folder\` ON \`evidence_items\``);
    await queryRunner.query(`CREATE INDEX \`ix_evidence_party\` ON \`evidence_items\` (\`jitId\`, \`originatingPartyId\`, \`createdAt\`)`);
    await queryRunner.query(`CREATE INDEX \`ix_evidence_handling\` ON \`evidence_items\` (\`jitId\`, \`handlingCode\`, \`createdAt\`)`);
    await queryRunner.query(`CREATE INDEX \`ix_evidence_folder\` ON \`evidence_items\` (\`jitId\`, \`folderId\`, \`createdAt\`)`);
  }
}
