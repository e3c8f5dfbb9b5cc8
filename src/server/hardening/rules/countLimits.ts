/**
 * Document-wide counting limits, mirroring graphql-cop's "alias overloading" and "directive overloading"
 * checks: too many aliases multiply the work one request asks for; too many directives make validation and
 * execution do work proportional to an attacker's input. Counted once per document, textually: fragment
 * re-use is priced by the cost limit instead.
 */
import type { ValidationContext, ValidationRule } from 'graphql';

import { queryTooComplex } from '../errors.ts';

export function createAliasLimitRule(maxAliases: number): ValidationRule {
  return (context: ValidationContext) => {
    let aliases = 0;
    return {
      Field(field) {
        if (field.alias) aliases += 1;
      },
      Document: {
        leave() {
          if (aliases > maxAliases) {
            context.reportError(
              queryTooComplex(`Document has ${aliases} aliases; the maximum is ${maxAliases}.`),
            );
          }
        },
      },
    };
  };
}

export function createDirectiveLimitRule(maxDirectives: number): ValidationRule {
  return (context: ValidationContext) => {
    let directives = 0;
    return {
      Directive() {
        directives += 1;
      },
      Document: {
        leave() {
          if (directives > maxDirectives) {
            context.reportError(
              queryTooComplex(`Document has ${directives} directives; the maximum is ${maxDirectives}.`),
            );
          }
        },
      },
    };
  };
}
