import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Failed sign-ins counted per key ("user:<name>", "ip:<address>" or "device:<nonce>") in a sliding window, shared by replicas. */
@Entity({ name: 'login_throttle' })
export class LoginThrottleEntity {
  @PrimaryColumn({ type: 'text' }) key!: string;
  @Column({ type: 'integer' }) failures!: number;
  @Column({ name: 'window_started_at', type: 'timestamptz' }) windowStartedAt!: Date;
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true }) lockedUntil!: Date | null;
}
