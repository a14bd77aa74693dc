import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The one error shape every route answers with. */
export class ErrorResponseDto {
  @ApiProperty({ example: 400 })
  statusCode: number;

  @ApiProperty({ example: 'validation_failed', description: 'Stable error code' })
  error: string;

  @ApiProperty({ example: 'email moet een e-mailadres zijn', description: "In the reader's language: the account's, else Accept-Language (nl, en), else Dutch" })
  message: string;

  @ApiPropertyOptional({ description: 'Field errors, or other structured detail' })
  details?: unknown;

  @ApiPropertyOptional({ description: 'Only on 500: quote it when reporting the problem' })
  errorId?: string;
}
