import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CardEntriesResolver } from './card-entries.resolver';
import { CardEntry } from './card-entry.entity';
import { CardExpiryJob } from './card-expiry.job';
import { Card } from './card.entity';
import { CardsResolver } from './cards.resolver';
import { CardsService } from './cards.service';

@Module({
  imports: [TypeOrmModule.forFeature([Card, CardEntry])],
  providers: [CardsService, CardsResolver, CardEntriesResolver, CardExpiryJob],
  exports: [CardsService],
})
export class CardsModule {}
