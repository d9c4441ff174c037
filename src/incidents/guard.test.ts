import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UpdateImpersonationRiskError } from './errors.ts';
import { assertSafeUpdateText } from './guard.ts';

const hosts = ['wallet.example', 'status.wallet.example'];
const refused = (text: string) => assert.throws(() => assertSafeUpdateText([text], hosts), UpdateImpersonationRiskError, text);
const allowed = (text: string) => assert.doesNotThrow(() => assertSafeUpdateText([text], hosts), text);

test('plain status texts, security reminders and links to our own hosts pass', () => {
  allowed('We are investigating delays on Solana sends. Next update by 14:00 UTC.');
  allowed('Our team will never ask for your recovery phrase or private key.');
  allowed('Nunca compartas tu frase de recuperación con nadie.');
  allowed('Nossa equipe nunca pedirá sua frase de recuperação ou sua chave privada.');
  allowed('Details at https://status.wallet.example/status and https://help.wallet.example/article/12.');
  allowed('You do not need to verify your wallet; funds are safe.');
});

test('error: requests for secrets, wallet "verification" and foreign links are refused, in en, es and pt-BR', () => {
  refused('Enter your seed phrase to restore access.');
  refused('Please reply with the 24 words of your wallet.');
  refused('Send your private key to support@wallet.example so we can recover the funds.');
  refused('Verify your wallet to receive the compensation.');
  refused('Sincroniza tu billetera para recibir el reembolso.');
  refused('Ingresa tu frase semilla en el formulario.');
  refused('Verifique sua carteira agora.');
  refused('Digite sua frase de recuperação no link.');
  refused('Claim your refund at https://wallet-example.support/claim');
  refused('Updates: www.walletexample-status.com');
  refused('Lookalike host https://wallet.example.evil.io/login');
});

test('behavior: the error lists every reason and says what to do', () => {
  try {
    assertSafeUpdateText(['Validate your wallet at https://evil.test now.'], hosts);
    assert.fail('expected a refusal');
  } catch (err) {
    assert.ok(err instanceof UpdateImpersonationRiskError);
    assert.equal(err.code, 'VALIDATION');
    assert.equal(err.shortMessage, 'The update was refused: it reads like a request for wallet secrets or a phishing link.');
    assert.ok(err.metaMessages.some((m) => m.includes('asks users to verify, validate, sync or restore a wallet')));
    assert.ok(err.metaMessages.some((m) => m.includes('links to evil.test')));
  }
});
