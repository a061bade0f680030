import { Column, Entity, PrimaryColumn } from 'typeorm';

export type DocumentKind = 'supervision_case' | 'circular';

/** The last number issued per office, kind of document and year. One row, locked while a number is taken. */
@Entity('document_counter')
export class DocumentCounter {
  @PrimaryColumn({ name: 'government_id', type: 'integer' })
  governmentId!: number;

  @PrimaryColumn({ type: 'varchar', length: 30 })
  kind!: DocumentKind;

  @PrimaryColumn({ type: 'integer' })
  year!: number;

  @Column({ name: 'last_number', type: 'integer' })
  lastNumber!: number;
}
