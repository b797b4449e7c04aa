// The participant's proof of a real browser (a proof of work in the ALTCHA format): the vote page
// carries a challenge signed by the server; this finds the number whose SHA-256 with the salt is
// the challenge and sends the solution once. Votes wait for it (htmx:confirm), so that a browser's
// votes count as trusted from the first; if the proof cannot be made, votes go on, untrusted.
(function () {
  'use strict';

  var holder = document.getElementById('participant-proof');
  if (!holder || !window.crypto || !window.crypto.subtle || !window.TextEncoder) {
    return;
  }
  var settled = false;
  var waiting = [];
  var BATCH = 256;

  function hex(buffer) {
    var bytes = new Uint8Array(buffer);
    var out = '';
    for (var i = 0; i < bytes.length; i++) {
      out += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
    }
    return out;
  }

  // Tries the numbers BATCH at a time (digests run in parallel), from 0 to maxnumber.
  function solve(challenge, start) {
    var encoder = new TextEncoder();
    var digests = [];
    for (var n = start; n < start + BATCH && n <= challenge.maxnumber; n++) {
      digests.push(crypto.subtle.digest(challenge.algorithm, encoder.encode(challenge.salt + n)));
    }
    if (digests.length === 0) {
      return Promise.reject(new Error('no solution'));
    }
    return Promise.all(digests).then(function (hashes) {
      for (var i = 0; i < hashes.length; i++) {
        if (hex(hashes[i]) === challenge.challenge) {
          return start + i;
        }
      }
      return solve(challenge, start + BATCH);
    });
  }

  function settle(state) {
    settled = true;
    holder.setAttribute('data-state', state);
    waiting.splice(0).forEach(function (send) { send(); });
  }

  document.addEventListener('htmx:confirm', function (event) {
    if (settled) {
      return;
    }
    event.preventDefault();
    waiting.push(function () { event.detail.issueRequest(true); });
  });

  var challenge = {
    algorithm: holder.getAttribute('data-algorithm'),
    challenge: holder.getAttribute('data-challenge'),
    maxnumber: parseInt(holder.getAttribute('data-maxnumber'), 10),
    salt: holder.getAttribute('data-salt'),
    signature: holder.getAttribute('data-signature')
  };
  solve(challenge, 0).then(function (number) {
    var payload = window.btoa(JSON.stringify({
      algorithm: challenge.algorithm, challenge: challenge.challenge, number: number,
      salt: challenge.salt, signature: challenge.signature
    }));
    return fetch(holder.getAttribute('data-url'), {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify({ payload: payload })
    });
  }).then(function (response) {
    settle(response.ok ? 'proven' : 'refused');
  }, function () {
    settle('failed');
  });
})();
